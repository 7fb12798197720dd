#include "benchsupport.h"

#include "store/database.h"
#include "store/personrepository.h"
#include "store/poolrepository.h"
#include "store/shiftrepository.h"
#include "store/teamrepository.h"
#include "store/transaction.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Tandem::Bench {

namespace {
QString g_report;
}

void say(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
    g_report += line + u'\n';
}

const QString &report()
{
    return g_report;
}

QString fixed(double value, int decimals)
{
    if (std::isnan(value)) {
        return u"–"_s;
    }
    if (std::isinf(value)) {
        return u"∞"_s;
    }
    return QString::number(value, 'f', decimals);
}

std::unique_ptr<Database> openDatabase(const QString &path, const Clock &clock)
{
    auto opened = Database::open(path, clock);
    if (!opened) {
        qFatal("cannot open the database: %s", qPrintable(opened.errorMessage()));
    }
    opened.value()->setActor(QStringLiteral("bench@example.com"));
    return std::move(opened.value());
}

QString cpuModel()
{
    QFile file(u"/proc/cpuinfo"_s);
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (line.startsWith("model name")) {
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
            }
        }
    }
    return u"unknown CPU"_s;
}

qint64 statusKiB(const char *field, qint64 pid)
{
    QFile file(pid > 0 ? u"/proc/%1/status"_s.arg(pid) : u"/proc/self/status"_s);
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (line.startsWith(field)) {
                return line.mid(line.indexOf(':') + 1).simplified().split(' ').first().toLongLong();
            }
        }
    }
    return -1;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(std::min<qsizetype>(values.size() - 1, qsizetype(values.size() * p)));
}

CalendarData generateCalendarData(Database &db, const QDateTime &first)
{
    CalendarData data;
    Transaction transaction(db);
    TeamRepository teams(db);
    PersonRepository people(db);
    PoolRepository pools(db);
    RotationRepository rotations(db);
    ShiftRepository shifts(db);
    for (int t = 0; t < Teams; ++t) {
        Team team{TeamId::create(), u"Team %1"_s.arg(t), u"Europe/Berlin"_s};
        teams.insert(team).ok();
        OpsPool pool{PoolId::create(), u"Team %1 ops"_s.arg(t), {}};
        QList<PersonId> devs;
        QList<PersonId> ops;
        for (int i = 0; i < 2 * PeoplePerRole; ++i) {
            Person p;
            p.id = PersonId::create();
            p.role = i < PeoplePerRole ? Role::Developer : Role::Operations;
            p.name = u"%1 %2-%3"_s.arg(p.role == Role::Developer ? u"Dev"_s : u"Ops"_s).arg(t).arg(i);
            p.email = u"p%1-%2@example.com"_s.arg(t).arg(i);
            p.timeZone = u"Europe/Berlin"_s;
            p.teams = {team.id};
            p.productionAccess = Person::defaultProductionAccess(p.role);
            people.insert(p).ok();
            (p.role == Role::Developer ? devs : ops).append(p.id);
        }
        pool.members = ops;
        pools.insert(pool).ok();
        data.devs.append(devs);
        data.ops.append(ops);
        for (int r = 0; r < RotationsPerTeam; ++r) {
            Rotation rotation;
            rotation.id = RotationId::create();
            rotation.teamId = team.id;
            rotation.name = u"Team %1 rotation %2"_s.arg(t).arg(r);
            rotation.opsPoolId = pool.id;
            rotation.timeZone = u"Europe/Berlin"_s;
            rotation.shiftMinutes = ShiftHours * 60;
            rotation.startDate = first.date();
            rotations.insert(rotation).ok();
            data.rotations.append(rotation.id);
            for (int k = 0; k < ShiftsPerRotation; ++k) {
                Shift s;
                s.id = ShiftId::create();
                s.rotationId = rotation.id;
                s.start = first.addSecs(qint64(k) * ShiftHours * 3600);
                s.end = s.start.addSecs(qint64(ShiftHours) * 3600);
                s.dev = devs.at((RotationsPerTeam * k + r) % PeoplePerRole);
                s.ops = ops.at((RotationsPerTeam * k + r + 3) % PeoplePerRole);
                shifts.insert(s).ok();
            }
        }
    }
    if (auto status = transaction.commit(); !status) {
        qFatal("cannot write the benchmark data: %s", qPrintable(status.errorMessage()));
    }
    return data;
}

} // namespace Tandem::Bench
