#pragma once

#include "domain/person.h"
#include "domain/rotation.h"
#include "domain/service.h"
#include "domain/shift.h"
#include "domain/team.h"
#include "domain/timeoff.h"
#include "reports/servicecoverage.h"

#include <QAbstractListModel>
#include <QColor>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QTimeZone>

#include <optional>

class QTimer;

namespace Tandem {

class Database;
class RangeReader;
class RosterService;
class RotationService;
class RulePass;
struct ChangeEntry;
struct RangeRead;
struct RuleFindings;
struct ShiftChange;

/// Problems of one shift, as flags so that views can draw each with its own pattern.
enum ShiftProblem {
    NoProblem = 0,
    DevGap = 0x1,   ///< the developer seat is empty
    OpsGap = 0x2,   ///< the ops seat is empty
    HardRule = 0x4, ///< a seated person breaks a hard rule (leave, rest, access, double booking)
    SoftRule = 0x8, ///< a preference is not met
    NoShift = 0x10, ///< on-call time of an active rotation with no shift at all (not a row: uncovered())
};

/// A stretch of an active rotation's on-call time (its slots from its start date) that no shift
/// covers: nobody at all is on call. Shown as a gap in the calendar and listed in Conflicts.
struct UncoveredSlot
{
    RotationId rotation;
    QDateTime start; ///< UTC
    QDateTime end;   ///< UTC, exclusive

    friend bool operator==(const UncoveredSlot &, const UncoveredSlot &) = default;
};

/// The shifts overlapping a visible range [from, to), one row each, ordered by start. Only that
/// range is read; committed changes to shifts update just the rows they touch. Filters by team,
/// rotation and person; "highlight" marks the shifts of one person without hiding the others.
///
/// With rule checks on, the planner's rules run over the range in a RulePass (its own thread),
/// never in the way of painting or input; their results arrive as one dataChanged() over the
/// rows whose problems changed, whatever their number (then rulesChecked()). After an edit of
/// shifts only what it touches is checked again.
class ShiftRangeModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        PairLabelRole = Qt::DisplayRole, ///< "Alice + Bob" (short names; "gap" for an empty seat)
        ToolTipRole = Qt::ToolTipRole,
        IdRole = Qt::UserRole + 1, ///< ShiftId
        RotationIdRole,
        RotationNameRole,
        RotationColorRole, ///< QColor
        RotationIndexRole, ///< int: position of the rotation by name, for patterns
        RotationTimeZoneRole,
        TeamIdRole,
        StartRole, ///< UTC
        EndRole,   ///< UTC, exclusive
        DevIdRole,
        OpsIdRole,
        DevShortNameRole,
        OpsShortNameRole,
        DevNameRole,
        OpsNameRole,
        DevContactRole, ///< phone and e-mail
        OpsContactRole,
        StateRole, ///< ShiftState as int
        NoteRole,
        BridgeRole,
        ProblemsRole,    ///< ShiftProblem flags
        ProblemTextRole, ///< what is wrong, in words
        HighlightRole,   ///< bool: the highlighted person sits in this shift
    };
    Q_ENUM(Role)

    ShiftRangeModel(Database &db, RotationService &rotations, RosterService &roster, QObject *parent = nullptr);
    ~ShiftRangeModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setRange(const QDateTime &from, const QDateTime &to);
    /// Moves the range to [from, to) without waiting for the database, for a view that wants
    /// days it does not show yet (a scrolling timeline's margin): when the new range overlaps
    /// this one and no other connection wrote since the rows were read, the days that come into
    /// view are read by a worker on a connection of its own and the range moves when they
    /// arrive (rangeChanged()); otherwise at once, as setRange(). A setRange(), a filter or a
    /// commit meanwhile makes the request moot.
    void requestRange(const QDateTime &from, const QDateTime &to);
    /// The range a requestRange() is reading; null when none is under way.
    QPair<QDateTime, QDateTime> requestedRange() const { return m_requested; }
    /// Reads ahead: once the range has stayed put for a moment, a worker reads the days on both
    /// sides of it (as many as it has) on its own connection, so that the next move (the next
    /// month) reads nothing at the time; used only while nothing was written since. Off by default.
    void setReadAhead(bool enabled);
    /// The spans read ahead that a move may still use (for tests).
    QList<QPair<QDateTime, QDateTime>> readAhead() const;
    QDateTime from() const { return m_from; }
    QDateTime to() const { return m_to; }

    void setTeamFilter(TeamId team);
    void setRotationFilter(RotationId rotation);
    void setPersonFilter(PersonId person);
    /// Shows only the shifts of a follow-the-sun service's legs (their rotations together, in
    /// one view) and works out the service's holes in the range (serviceHoles()); a null id
    /// shows every rotation again. Takes the place of the rotation filter while set.
    void setServiceFilter(ServiceId service);
    ServiceId serviceFilter() const { return m_service.id; }
    /// The filtered service (its name, zone and legs); empty without a service filter.
    std::optional<Service> service() const;
    /// The filtered service's holes in the range: time no leg holds with a pair, including the
    /// hour that opens only between two zones' DST switches. Empty without a service filter or
    /// with a person filter (other shifts are hidden). Changes come with uncoveredChanged().
    QList<Reports::ServiceHole> serviceHoles() const { return m_serviceHoles; }
    void setHighlightPerson(PersonId person);
    PersonId highlightPerson() const { return m_highlight; }
    /// Checks the planner's rules (RuleBook: hard rules and the fair-share soft rule) over the
    /// range when the range, a filter or the database changes. Off by default.
    void setRuleChecksEnabled(bool enabled);
    bool ruleChecksEnabled() const { return m_ruleChecks; }
    /// A rule pass is under way or waiting for the range to stop moving: problems shown may be
    /// those of before the last change.
    bool isCheckingRules() const;
    /// After a change of the range, the rule pass waits `ms` without a further change before it
    /// starts (a scroll's moves would each start one and cancel the last); 0, the default,
    /// starts it at once. Edits of shifts are checked at once either way.
    void setRuleCheckDelay(int ms);
    /// The zone the tooltip shows first (the rotation's own zone follows it).
    void setViewerTimeZone(const QTimeZone &zone);
    QTimeZone viewerTimeZone() const { return m_viewerZone; }

    // Typed helpers.
    const Shift &shiftAt(int row) const { return m_shifts.at(row); }
    Shift shiftAt(const QModelIndex &index) const;
    QModelIndex indexOf(ShiftId id) const;
    int problemsOf(int row) const;
    QString problemText(int row) const;
    std::optional<Rotation> rotation(RotationId id) const;
    /// The rotation's name (RotationNameRole without a copy of the rotation).
    QString rotationName(RotationId id) const;
    /// The rotation's colour: its own, else one of a palette by its position.
    QColor rotationColor(RotationId id) const;
    std::optional<Person> person(PersonId id) const;
    QList<Rotation> rotations() const { return m_rotations; }
    QList<Team> teams() const { return m_teams; }
    QList<Person> people() const;
    /// The on-call time of the shown rotations inside the range that no shift covers, by start
    /// (adjacent slots merged). Empty while a person filter is set (other shifts are hidden).
    QList<UncoveredSlot> uncovered() const { return m_uncovered; }
    /// Time off overlapping the range (days in each person's own zone), of the people of the
    /// shown teams.
    QList<TimeOff> timeOff() const { return m_timeOff; }
    /// The people on leave on `day`, by name.
    QList<Person> onLeave(QDate day) const;
    /// Public holidays of the visible teams, by date.
    QHash<QDate, QString> holidays() const { return m_holidays; }
    QString lastError() const { return m_lastError; }
    Database &database() const { return m_db; }

    static QString shortName(const QString &fullName);
    /// The colours rotations without one of their own get, by position.
    static const QList<QColor> &palette();

    /// Reads the range again and reports only the differences.
    void refresh();

Q_SIGNALS:
    void rangeChanged();
    /// Names, rotations or holidays changed: views repaint everything.
    void referenceDataChanged();
    /// uncovered() changed.
    void uncoveredChanged();
    /// A rule pass has finished and its problems are shown.
    void rulesChecked();

private:
    void loadReferenceData();
    QList<Shift> query() const;
    void reset();
    /// Shows `shifts` (in query() order) as the rows, with what depends on them.
    void resetTo(QList<Shift> shifts);
    /// After the range moved from [oldFrom, oldTo) to an overlapping one: reads only the time
    /// that came into view and keeps the rows still in it. False when it cannot (then reset()).
    bool slide(const QDateTime &oldFrom, const QDateTime &oldTo);
    /// Whether the rows of [oldFrom, oldTo) can be kept for [from, to): the two overlap and no
    /// other connection wrote to the file since they were read.
    bool canSlide(const QDateTime &oldFrom, const QDateTime &oldTo, const QDateTime &from, const QDateTime &to) const;
    /// The rows still in the range (m_from, m_to) and those of `read` not among them, in order.
    QList<Shift> keptAnd(const QList<Shift> &read) const;
    /// Forgets the read requestRange() awaits.
    void dropRequest();
    /// Starts the read ahead around the current range.
    void readAround();
    void applyAhead(const RangeRead &read);
    /// The rows read ahead that overlap [from, to), when the read ahead covers it and still holds.
    std::optional<QList<Shift>> readAheadFor(const QDateTime &from, const QDateTime &to) const;
    void onCommitted(const QList<ChangeEntry> &changes);
    /// Reads the range again; after `edits` (shift changes only) the rule pass checks only what
    /// they touch, else (null) the whole range.
    void reread(const QList<ShiftChange> *edits);
    QString tooltip(const Shift &shift) const;
    /// Starts a rule pass over the whole range.
    void checkRules();
    /// checkRules() now, or after the rule check delay without a further call.
    void scheduleRuleCheck();
    /// A worker's read for requestRange() arrived.
    void applyRead(const RangeRead &read);
    /// Shows what a rule pass found, in one dataChanged().
    void applyFindings(const RuleFindings &findings);
    /// Sets the problems to `hard` and `soft` and reports the rows whose problems changed.
    void setProblems(QHash<ShiftId, QStringList> hard, QHash<ShiftId, QStringList> soft);
    void updateUncovered();
    void updateServiceHoles();
    /// The shifts of the filtered service's legs among `shifts` (all of them without a service
    /// filter).
    QList<Shift> ofService(QList<Shift> shifts) const;
    /// The read filter: the rotation filter, unless a service of one leg takes its place.
    ShiftFilter readFilter() const;
    void loadTimeOff();

    Database &m_db;
    RotationService &m_rotationService;
    RosterService &m_roster;
    QDateTime m_from;
    QDateTime m_to;
    TeamId m_teamFilter;
    RotationId m_rotationFilter;
    PersonId m_personFilter;
    Service m_service; ///< the service filter (null id: none)
    QSet<RotationId> m_serviceLegs;
    QList<Reports::ServiceHole> m_serviceHoles;
    PersonId m_highlight;
    bool m_ruleChecks = false;
    RulePass *m_rulePass = nullptr; // child, made on first use
    quint64 m_ruleGeneration = 0;   // of the pass whose findings are awaited (0: none)
    quint64 m_shownGeneration = 0;  // of the last pass whose findings were shown
    QTimer *m_ruleTimer = nullptr;  // the rule check delay; child, made on first use
    int m_ruleDelay = 0;
    RangeReader *m_reader = nullptr;      // child, made on first use
    RangeReader *m_aheadReader = nullptr; // child, made on first use (read ahead)
    QTimer *m_aheadTimer = nullptr;
    bool m_readAheadEnabled = false;
    quint64 m_aheadTicket = 0; // of the read ahead under way (0: none)
    quint64 m_aheadWrites = 0; // m_writes when it was asked for
    QList<QPair<QDateTime, QDateTime>> m_aheadSpans;
    QList<Shift> m_ahead;         // what it read
    quint64 m_writes = 0;         // counts commits of this connection and filter changes (reread(), reset())
    quint64 m_readTicket = 0;     // of the read requestRange() awaits (0: none)
    quint64 m_rowsGeneration = 0; // counts every change of m_shifts (a read in flight may miss it)
    quint64 m_requestedRows = 0;  // m_rowsGeneration when the awaited read was asked for
    QPair<QDateTime, QDateTime> m_requested;
    QSet<RotationId> m_checkedRotations;
    QTimeZone m_viewerZone = QTimeZone::systemTimeZone();
    QList<Shift> m_shifts;
    qint64 m_readVersion = -1;                  ///< Database::dataVersion() when m_shifts were read from the file
    QHash<ShiftId, QStringList> m_ruleProblems; // hard rules broken, by shift, from the rule pass
    QHash<ShiftId, QStringList> m_softProblems; // likewise, soft rules
    QList<Rotation> m_rotations;
    QHash<RotationId, int> m_rotationIndex;
    QList<Team> m_teams;
    QHash<PersonId, Person> m_people;
    QList<Person> m_sortedPeople; // by name
    QHash<QDate, QString> m_holidays;
    QList<UncoveredSlot> m_uncovered;
    QList<TimeOff> m_timeOff;
    QString m_lastError;
};

} // namespace Tandem
