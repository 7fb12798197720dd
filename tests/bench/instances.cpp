#include "instances.h"

#include <QTimeZone>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem::Bench {

std::uint64_t Random::next()
{
    std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

namespace {

struct Shape
{
    int rotations = 1;
    int devsPerRotation = 6;
    int pools = 1;
    int opsPerPool = 4;
    int concurrency = 1;
    int shiftDays = 7;
    int days = 91;
};

Shape shapeOf(const QString &size)
{
    if (size == u"M"_s) {
        return Shape{10, 6, 1, 12, 3, 1, 365};
    }
    if (size == u"L"_s) {
        return Shape{50, 8, 5, 12, 3, 1, 365};
    }
    if (size.startsWith(u'Y')) { // "Y40": one daily rotation (6 devs, 4 ops) over 40 years
        return Shape{1, 6, 1, 4, 1, 1, 365 * std::max(1, QStringView(size).mid(1).toInt())};
    }
    return Shape{}; // S: 1 rotation, 6 devs, 4 ops, 13 weekly shifts
}

// Ids from names: the same instance has the same ids in every run, so the planner's
// hash-ordered internals see the same input.
QUuid benchNamespace()
{
    return QUuid(u"6f1d0c36-5f43-4a55-9a65-3bd1b0e6a2c1"_s);
}

template <typename IdType> IdType makeId(const QString &size, const QString &name)
{
    return IdType(QUuid::createUuidV5(benchNamespace(), size + u'/' + name));
}

// About 10% of a person's days off, in blocks of 2 to 7 days that neither overlap nor touch.
QList<TimeOff> makeLeave(const QString &size, const PersonId &person, QDate from, int days, Random &random)
{
    QList<TimeOff> leave;
    const int target = int(double(days) * (0.05 + 0.10 * random.unit()) + 0.5);
    std::vector<bool> off(size_t(days), false);
    int taken = 0;
    // 200 attempts for S, M and L (as they were generated since the start); more for the long
    // horizons, whose leave stays proportional.
    const int attempts = std::max(200, days);
    for (int attempt = 0; taken < target && attempt < attempts; ++attempt) {
        const int length = std::min(2 + random.below(6), std::max(1, target - taken));
        const int start = random.below(days - length + 1);
        bool free = true;
        for (int d = std::max(0, start - 1); d < std::min(days, start + length + 1); ++d) {
            free = free && !off[size_t(d)];
        }
        if (!free) {
            continue;
        }
        for (int d = start; d < start + length; ++d) {
            off[size_t(d)] = true;
        }
        taken += length;
        leave.append(TimeOff{makeId<TimeOffId>(size, u"leave/%1/%2"_s.arg(person.toString()).arg(leave.size())), person,
                             from.addDays(start), from.addDays(start + length - 1), u"Leave"_s});
    }
    return leave;
}

} // namespace

Instance makeInstance(const QString &size, std::uint64_t seed)
{
    const Shape shape = shapeOf(size);
    Random random(seed ^ (std::uint64_t(size.at(0).unicode()) << 32));
    Instance instance;
    instance.name = size;
    Planner::PlanRequest &request = instance.request;
    // A Monday; every zone is UTC so that a shift is always one length and the rest rule, the
    // checker and the MIP read the same hours (DST is covered by slotstest and plannertest).
    request.from = QDate(2026, 1, 5);
    request.to = request.from.addDays(shape.days - 1);
    request.now = QDateTime(request.from.addDays(-1), QTime(12, 0), QTimeZone::utc());
    request.seed = seed;

    const int rotationsPerPool = shape.rotations / shape.pools;
    for (int k = 0; k < shape.pools; ++k) {
        OpsPool pool{makeId<PoolId>(size, u"pool/%1"_s.arg(k)), u"Ops pool %1"_s.arg(k + 1), {}};
        for (int i = 0; i < shape.opsPerPool; ++i) {
            Person p;
            p.id = makeId<PersonId>(size, u"ops/%1/%2"_s.arg(k).arg(i));
            p.name = u"Ops%1-%2 Bench"_s.arg(k + 1).arg(i + 1);
            p.email = u"ops%1-%2@bench.example"_s.arg(k + 1).arg(i + 1);
            p.role = Role::Operations;
            p.productionAccess = true;
            p.timeZone = u"UTC"_s;
            request.people.append(p);
            pool.members.append(p.id);
        }
        request.pools.insert(pool.id, pool);
        for (int j = 0; j < rotationsPerPool; ++j) {
            const int r = k * rotationsPerPool + j;
            const TeamId team = makeId<TeamId>(size, u"team/%1"_s.arg(r));
            for (int i = 0; i < shape.devsPerRotation; ++i) {
                Person p;
                p.id = makeId<PersonId>(size, u"dev/%1/%2"_s.arg(r).arg(i));
                p.name = u"Dev%1-%2 Bench"_s.arg(r + 1).arg(i + 1);
                p.email = u"dev%1-%2@bench.example"_s.arg(r + 1).arg(i + 1);
                p.role = Role::Developer;
                p.teams = {team};
                p.timeZone = u"UTC"_s;
                request.people.append(p);
            }
            Rotation rotation;
            rotation.id = makeId<RotationId>(size, u"rotation/%1"_s.arg(r));
            rotation.teamId = team;
            rotation.name = u"Team %1"_s.arg(r + 1);
            rotation.opsPoolId = pool.id;
            rotation.timeZone = u"UTC"_s;
            rotation.shiftMinutes = shape.shiftDays * 24 * 60;
            rotation.handoffWeekday = 1;
            rotation.handoffTime = QTime(9, 0);
            rotation.startDate = request.from;
            rotation.rules.opsConcurrency = shape.concurrency;
            request.rotations.append(rotation);
        }
    }

    qint64 off = 0;
    for (const Person &p : std::as_const(request.people)) {
        const QList<TimeOff> leave = makeLeave(size, p.id, request.from, shape.days, random);
        for (const TimeOff &t : leave) {
            off += t.from.daysTo(t.to) + 1;
        }
        request.timeOff += leave;
    }
    instance.leaveFraction = double(off) / double(qint64(request.people.size()) * shape.days);
    indexInstance(instance);
    instance.description =
        u"%1 rotation(s), %2 devs, %3 ops in %4 pool(s) (ops concurrency %5), %6 shifts of %7 d"_s.arg(shape.rotations)
            .arg(shape.rotations * shape.devsPerRotation)
            .arg(shape.pools * shape.opsPerPool)
            .arg(shape.pools)
            .arg(shape.concurrency)
            .arg(instance.slots.size())
            .arg(shape.shiftDays);
    return instance;
}

Instance makeSmallInstance(std::uint64_t seed)
{
    Random random(seed * 0x9e3779b97f4a7c15ULL + 0x51ed270b);
    Instance instance;
    instance.name = u"Q%1"_s.arg(seed);
    const QString size = instance.name; // id namespace: every instance has its own ids
    const bool weekly = random.below(2) == 0;
    const int devs = 4 + random.below(9);
    const int ops = 3 + random.below(6);
    const int days = weekly ? 7 * (8 + random.below(19)) : 14 + random.below(15);
    Planner::PlanRequest &request = instance.request;
    request.from = QDate(2026, 1, 5); // a Monday
    request.to = request.from.addDays(days - 1);
    request.now = QDateTime(request.from.addDays(-1), QTime(12, 0), QTimeZone::utc());
    request.seed = 1;

    const TeamId team = makeId<TeamId>(size, u"team"_s);
    OpsPool pool{makeId<PoolId>(size, u"pool"_s), u"Ops"_s, {}};
    auto capacity = [&random] {
        const int draw = random.below(10);
        return draw == 0 ? 0.5 : draw == 1 ? 0.8 : 1.0;
    };
    for (int i = 0; i < devs; ++i) {
        Person p;
        p.id = makeId<PersonId>(size, u"dev/%1"_s.arg(i));
        p.name = u"Dev%1 Quality"_s.arg(i + 1);
        p.role = Role::Developer;
        p.teams = {team};
        p.timeZone = u"UTC"_s;
        p.capacity = capacity();
        request.people.append(p);
    }
    for (int i = 0; i < ops; ++i) {
        Person p;
        p.id = makeId<PersonId>(size, u"ops/%1"_s.arg(i));
        p.name = u"Ops%1 Quality"_s.arg(i + 1);
        p.role = Role::Operations;
        p.productionAccess = true;
        p.timeZone = u"UTC"_s;
        p.capacity = capacity();
        request.people.append(p);
        pool.members.append(p.id);
    }
    request.pools.insert(pool.id, pool);
    Rotation rotation;
    rotation.id = makeId<RotationId>(size, u"rotation"_s);
    rotation.teamId = team;
    rotation.name = u"Quality"_s;
    rotation.opsPoolId = pool.id;
    rotation.timeZone = u"UTC"_s;
    rotation.shiftMinutes = (weekly ? 7 : 1) * 24 * 60;
    rotation.handoffWeekday = 1;
    rotation.handoffTime = QTime(9, 0);
    rotation.startDate = request.from;
    request.rotations = {rotation};

    // Public holidays on weekdays of the horizon: they make some shifts heavier.
    const int holidays = random.below(4);
    QList<QDate> dates;
    for (int h = 0; h < holidays; ++h) {
        const QDate day = request.from.addDays(random.below(days));
        if (day.dayOfWeek() <= 5 && !dates.contains(day)) {
            dates.append(day);
        }
    }
    std::sort(dates.begin(), dates.end());
    request.holidays.insert(team, dates);

    // Leave: about half of the people have one or two blocks of 2-9 days, not touching.
    qint64 off = 0;
    for (const Person &p : std::as_const(request.people)) {
        std::vector<bool> taken(size_t(days), false);
        const int blocks = random.below(4) == 0 ? 2 : random.below(2);
        for (int b = 0; b < blocks; ++b) {
            const int length = std::min(days, 2 + random.below(8));
            const int start = random.below(days - length + 1);
            bool free = true;
            for (int d = std::max(0, start - 1); d < std::min(days, start + length + 1); ++d) {
                free = free && !taken[size_t(d)];
            }
            if (!free) {
                continue;
            }
            for (int d = start; d < start + length; ++d) {
                taken[size_t(d)] = true;
            }
            off += length;
            request.timeOff.append(TimeOff{makeId<TimeOffId>(size, u"leave/%1/%2"_s.arg(p.id.toString()).arg(b)), p.id,
                                           request.from.addDays(start), request.from.addDays(start + length - 1),
                                           u"Leave"_s});
        }
    }
    instance.leaveFraction = double(off) / double(qint64(request.people.size()) * days);
    indexInstance(instance);
    instance.description = u"%1, %2 shifts, %3 devs, %4 ops, %5 holiday(s), %6 % of person-days off"_s
                               .arg(weekly ? u"weekly"_s : u"daily"_s)
                               .arg(instance.slots.size())
                               .arg(devs)
                               .arg(ops)
                               .arg(dates.size())
                               .arg(QString::number(100 * instance.leaveFraction, 'f', 0));
    return instance;
}

void indexInstance(Instance &instance)
{
    const Planner::PlanRequest &request = instance.request;
    instance.slots.clear();
    instance.devPool.clear();
    instance.opsPool.clear();
    for (int r = 0; r < request.rotations.size(); ++r) {
        const Rotation &rotation = request.rotations.at(r);
        const QList<QDate> holidayList = request.holidays.value(rotation.teamId);
        const QSet<QDate> holidays(holidayList.cbegin(), holidayList.cend());
        for (const Planner::Slot &slot : Planner::generateSlots(rotation, request.from, request.to)) {
            BenchSlot s;
            s.rotation = r;
            s.slot = slot;
            s.start = slot.start.toSecsSinceEpoch();
            s.end = slot.end.toSecsSinceEpoch();
            s.weight = Planner::shiftWeight(slot.start, slot.end, rotation, holidays);
            s.id = ShiftId(QUuid::createUuidV5(rotation.id.uuid(), QString::number(s.start)));
            instance.slots.append(s);
        }
        QList<int> devs;
        QList<int> ops;
        for (int i = 0; i < request.people.size(); ++i) {
            const Person &p = request.people.at(i);
            if (p.active && p.role == Role::Developer && p.teams.contains(rotation.teamId)) {
                devs.append(i);
            }
        }
        for (const PersonId &id : request.pools.value(rotation.opsPoolId).members) {
            for (int i = 0; i < request.people.size(); ++i) {
                const Person &p = request.people.at(i);
                if (p.id == id && p.active && p.productionAccess) {
                    ops.append(i);
                }
            }
        }
        instance.devPool.append(devs);
        instance.opsPool.append(ops);
    }
}

QList<QPair<qint64, qint64>> leaveOf(const Planner::PlanRequest &request, int person)
{
    const Person &p = request.people.at(person);
    QTimeZone zone(p.timeZone.toUtf8());
    if (!zone.isValid()) {
        zone = QTimeZone::utc();
    }
    QList<QPair<qint64, qint64>> leave;
    for (const TimeOff &t : request.timeOff) {
        if (t.personId == p.id) {
            leave.append({QDateTime(t.from, QTime(0, 0), zone).toSecsSinceEpoch(),
                          QDateTime(t.to.addDays(1), QTime(0, 0), zone).toSecsSinceEpoch()});
        }
    }
    return leave;
}

QString devPoolKey(const Instance &instance, int r)
{
    return u"dev:"_s + instance.request.rotations.at(r).teamId.toString();
}

QString opsPoolKey(const Instance &instance, int r)
{
    return u"ops:"_s + instance.request.rotations.at(r).opsPoolId.toString();
}

QHash<QPair<int, QString>, double> fairShares(const Instance &instance)
{
    // Pool key -> (members, slots).
    QHash<QString, QPair<QList<int>, QList<int>>> pools;
    for (int r = 0; r < instance.request.rotations.size(); ++r) {
        pools[devPoolKey(instance, r)].first = instance.devPool.at(r);
        pools[opsPoolKey(instance, r)].first = instance.opsPool.at(r);
    }
    for (int s = 0; s < instance.slots.size(); ++s) {
        const int r = instance.slots.at(s).rotation;
        pools[devPoolKey(instance, r)].second.append(s);
        pools[opsPoolKey(instance, r)].second.append(s);
    }
    QHash<int, QList<QPair<qint64, qint64>>> leave;
    for (int i = 0; i < instance.request.people.size(); ++i) {
        leave.insert(i, leaveOf(instance.request, i));
    }
    QHash<QPair<int, QString>, double> shares;
    for (auto it = pools.cbegin(); it != pools.cend(); ++it) {
        const auto &[members, slots] = it.value();
        double total = 0;
        for (int s : slots) {
            total += instance.slots.at(s).weight;
        }
        QList<double> available;
        double sum = 0;
        for (int person : members) {
            double weight = 0;
            for (int s : slots) {
                const BenchSlot &slot = instance.slots.at(s);
                const auto &l = leave.value(person);
                const bool away = std::any_of(l.cbegin(), l.cend(), [&slot](const QPair<qint64, qint64> &v) {
                    return v.first < slot.end && v.second > slot.start;
                });
                weight += away ? 0 : slot.weight;
            }
            available.append(instance.request.people.at(person).capacity * weight);
            sum += available.last();
        }
        for (int m = 0; m < members.size(); ++m) {
            shares.insert({members.at(m), it.key()}, sum > 0 ? total * available.at(m) / sum : 0);
        }
    }
    return shares;
}

} // namespace Tandem::Bench
