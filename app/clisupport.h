#pragma once

#include "domain/person.h"
#include "domain/result.h"
#include "domain/rotation.h"
#include "domain/shift.h"
#include "domain/swaprequest.h"
#include "domain/team.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <cstdio>
#include <optional>

namespace Tandem {
class Database;
}

/// Formatting and lookups shared by the command-line commands.
namespace Tandem::CliSupport {

QString padded(const QString &text, qsizetype width);
/// Plain-text table: columns padded to their widest cell.
QString table(const QStringList &header, const QList<QStringList> &rows);

/// Teams, pools and people by id, read once per command.
struct RotationContext
{
    QHash<TeamId, Team> teams;
    QHash<PoolId, OpsPool> pools;
    QHash<PersonId, Person> people; ///< also removed people, once asked for
};

Result<RotationContext> rotationContext(Database &db);
QJsonObject rotationJson(const Rotation &r, const RotationContext &context);
/// A person's name for output; people removed from the roster are looked up once.
QString personName(Database &db, RotationContext &context, PersonId id);
QString namesOf(Database &db, RotationContext &context, const QList<PersonId> &ids);
/// Writes a JSON array to `out` element by element, byte for byte as
/// QJsonDocument(array).toJson(QJsonDocument::Indented) would, without holding the array.
class JsonArrayWriter
{
public:
    explicit JsonArrayWriter(FILE *out) : m_out(out) {}
    void append(const QJsonObject &object);
    void finish();

private:
    FILE *m_out;
    QByteArray m_buffer;
    bool m_first = true;
};

/// A day written YYYY-MM-DD and nothing more (the options take whole days: no time, no zone);
/// an invalid date otherwise.
QDate parseDay(const QString &text);
/// A finite number ("nan", "inf" and 1e999 are not); nullopt otherwise.
std::optional<double> parseFinite(const QString &text);
/// 2 -> "2.0", 1.25 -> "1.25": weights read as weights.
QString formatNumber(double value);
/// A date and time in the tables and text of the command line: the weekday in the user's
/// language (LC_TIME / LANG: "Mon" in C and English, "Mo" in German), the date and time in ISO
/// form, sortable and the same everywhere ("Mon 2026-11-30 09:00"). `local` is shown as it is
/// (convert it to the zone to show first). JSON and CSV keep ISO 8601 without a weekday.
QString dayAndTime(const QDateTime &local);

/// A role, a shift's state, a seat, a request's kind and state in words of the user's language,
/// for the text output; the JSON and CSV keep the English values of domain/serialize.h.
QString roleWords(Role role);
QString shiftStateWords(ShiftState state);
QString seatWords(Seat seat);
QString swapKindWords(SwapKind kind);
QString swapStateWords(SwapState state);

} // namespace Tandem::CliSupport
