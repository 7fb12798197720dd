#pragma once

#include "domain/person.h"
#include "domain/result.h"
#include "domain/rotation.h"
#include "domain/shift.h"
#include "services/planservice.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace Tandem {

class Database;

/// How the person an event names was found on the roster.
enum class HistoryMatch {
    Email,     ///< an e-mail of the event (attendee or title) is someone's on the roster
    Name,      ///< the name (attendee CN or title) is one person's on the roster
    Chosen,    ///< the lead chose the person for this text (HistoryImportService::Choices)
    Ambiguous, ///< the name is several people's on the roster: the lead must choose
    Unmatched, ///< nobody on the roster has the e-mail or the name
};

/// What importing an event does to the rotation.
enum class HistoryAction {
    Add,          ///< a new past shift over the event's times, the person in the seat, the other seat empty
    Fill,         ///< the rotation has a shift at exactly these times with the seat empty: the person fills it
    AlreadyThere, ///< that shift already has the person in the seat (a re-import): nothing to do
    Conflict,     ///< the seat holds someone else, or the event overlaps shifts at other times: not imported
    NotPast,      ///< the event has not ended yet: history only
    Invalid,      ///< shorter than an hour or longer than the longest shift: not imported
    NoPerson,     ///< unmatched or ambiguous: not imported until the lead chooses
};

/// What an event does, in words ("New shift"): the wizard's and the command line's column.
QString historyActionText(HistoryAction action);
/// How its person was found, in words ("By e-mail").
QString historyMatchText(HistoryMatch match);

/// One occurrence of the file's events and what the import makes of it.
struct HistoryEvent
{
    QString uid;
    QString summary;
    bool allDay = false;
    QDateTime start; ///< UTC; an all-day event runs from the rotation's handoff time on its first day
    QDateTime end;   ///< UTC, exclusive; ... to the handoff time on the day after its last
    QString who;     ///< the text that names the person ("Jane Doe", "jane@example.com"); the key of a choice
    HistoryMatch match = HistoryMatch::Unmatched;
    PersonId person;            ///< matched or chosen; null when unmatched or ambiguous
    QList<PersonId> candidates; ///< Ambiguous: the people the name fits
    HistoryAction action = HistoryAction::NoPerson;
    ShiftId shift;  ///< Fill, AlreadyThere, Conflict: the existing shift concerned
    QString reason; ///< why, for Conflict, NotPast, Invalid, NoPerson; a warning for the others (role)
};

/// What an import would do, shown before anything is written, and what apply() writes.
struct HistoryPreview
{
    RotationId rotation;
    QString rotationName;
    Seat seat = Seat::Dev;
    QList<HistoryEvent> events; ///< by start
    /// Texts that named nobody on the roster, each once, with how many events they name.
    QList<QPair<QString, int>> unmatched;
    /// Texts that named several people, each once, with the candidates.
    QList<QPair<QString, QList<PersonId>>> ambiguous;
    qint64 dataVersion = -1; ///< the change log when the preview was read: apply() refuses if it moved

    int count(HistoryAction action) const;
    /// Events apply() writes (Add and Fill).
    int toWrite() const { return count(HistoryAction::Add) + count(HistoryAction::Fill); }
};

/// Imports the past on-call of another tool's calendar export (PagerDuty, Opsgenie, Grafana OnCall,
/// or any calendar whose events name the person on call in the title or as attendee) into one seat
/// of a rotation, so that the fairness look-back starts from what really happened.
///
/// Each event names a person: an attendee's e-mail or an e-mail in the title is matched against the
/// roster's e-mails (case-insensitive); else the attendee's CN or the name in the title ("On Call -
/// Jane Doe - Primary", "Jane Doe (Primary)", "[L1] jane.doe") against the roster's names, accents,
/// case and spacing ignored. A name several people share is ambiguous until the lead chooses.
///
/// Only events that ended before now are read. Against the rotation's existing shifts: an event
/// with no shift in its time becomes a new shift with the person in the seat and the other seat
/// empty (a gap the lead fills, or leaves as unknown); an event at exactly the times of a shift
/// fills that shift's seat when it is empty (so a second export, of the other seat, completes the
/// shifts the first one made); a seat that holds someone else, a locked shift, or an event that
/// overlaps shifts at other times, is reported and left alone. Re-importing the same file changes
/// nothing.
///
/// apply() writes in one transaction through the change log (the same rows as a plan), so the
/// import can be taken back like a plan (PlanService::revert); nothing is written on any error.
class HistoryImportService
{
public:
    explicit HistoryImportService(Database &db) : m_db(db) {}

    /// The lead's answers for texts that named several people or nobody: text -> person (the
    /// text compared as names are: accents, case and spacing ignored).
    using Choices = QHash<QString, PersonId>;

    /// The most events (occurrences) one import reads: years of daily shifts, far below what
    /// would take the preview seconds.
    static constexpr int MaxEvents = 10000;
    /// How far back the file is read: the longest period an iCalendar import reads (10 years).
    static QDate firstDayRead(QDate today);

    /// What importing `ics` into `seat` of `rotation` would do, with `choices` applied. Reads only.
    Result<HistoryPreview> preview(RotationId rotation, Seat seat, const QByteArray &ics,
                                   const Choices &choices = {}) const;
    /// Writes the preview's Add and Fill events in one transaction with the change log. Refused,
    /// with nothing written, when anything changed since the preview was read (Error::field "stale").
    Result<AppliedPlan> apply(const HistoryPreview &preview);

    /// The roster's form of a name for matching: accents, case and spacing dropped ("Zoë  Müller"
    /// and "zoe muller" are the same).
    static QString matchKey(const QString &name);
    /// The candidates an event names, best first: e-mails, then names (from attendees and title).
    static QStringList namesIn(const QString &summary, const QList<QPair<QString, QString>> &attendees);

private:
    Database &m_db;
};

QString historyMatchToString(HistoryMatch match);    ///< "email", "name", ... (the CLI's --json)
QString historyActionToString(HistoryAction action); ///< "add", "fill", ...

} // namespace Tandem
