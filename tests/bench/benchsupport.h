#pragma once

#include "domain/ids.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

namespace Tandem {
class Clock;
class Database;
} // namespace Tandem

/// What the benchmarks share: the machine they ran on, memory, statistics, and the calendar
/// benchmarks' data (100 teams, 2 rotations each, 500 shifts of 35 h: 100,000 shifts).
namespace Tandem::Bench {

QString cpuModel();
/// A new database at `path` on `clock`, its actor the benchmark; stops the benchmark if it cannot open.
std::unique_ptr<Database> openDatabase(const QString &path, const Clock &clock);
/// Prints a line of a benchmark's report on stdout (flushed at once) and keeps it for report().
void say(const QString &line = {});
/// Everything say() printed, for the report file.
const QString &report();
/// `value` with `decimals` places; "–" for NaN, "∞" for infinity.
QString fixed(double value, int decimals = 2);
/// A field of /proc/PID/status in KiB ("VmHWM:", "VmRSS:"; pid 0: this process), -1 when unknown.
qint64 statusKiB(const char *field, qint64 pid = 0);
double median(QList<double> values);
/// The value at fraction `p` (0.95 for the 95th percentile) of the sorted values.
double percentile(QList<double> values, double p);

constexpr int Teams = 100;
constexpr int RotationsPerTeam = 2;
constexpr int PeoplePerRole = 10;
constexpr int ShiftsPerRotation = 500;
constexpr int ShiftHours = 35; // 500 shifts of 35 h: two years

struct CalendarData
{
    QList<RotationId> rotations;
    QList<QList<PersonId>> devs; // per team
    QList<QList<PersonId>> ops;
};

/// Writes the calendar benchmarks' teams, people, pools, rotations and shifts from `first`, in
/// one transaction through the repositories.
CalendarData generateCalendarData(Database &db, const QDateTime &first);

} // namespace Tandem::Bench
