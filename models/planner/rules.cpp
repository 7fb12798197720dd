#include "rules.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMap>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Tandem::Planner {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::Planner", text);
}

constexpr qint64 Day = 24 * 3600;

QString firstName(const QString &name)
{
    return name.section(u' ', 0, 0);
}

QString dayText(qint64 secs, const QTimeZone &zone)
{
    return QLocale::c().toString(QDateTime::fromSecsSinceEpoch(secs, zone).date(), u"d MMM"_s);
}

} // namespace

std::optional<Violation> checkDeveloperSeat(const Rotation &rotation, const Person &person)
{
    if (person.role == Role::Developer && person.teams.contains(rotation.teamId)) {
        return std::nullopt;
    }
    return Violation{RuleKind::Team, tr("%1 is not in the team").arg(firstName(person.name)),
                     tr("%1 is not a developer of the team of %2; add them to the team on the roster to let them "
                        "take its developer seat.")
                         .arg(person.name, rotation.name)};
}

// --- RuleBook ---------------------------------------------------------------------------------

RuleBook::RuleBook(const PlanRequest &request) : m_request(request)
{
    m_now = request.now.toSecsSinceEpoch();
    for (const Person &p : request.people) {
        PersonState state;
        state.person = p;
        state.zone = QTimeZone(p.timeZone.toUtf8());
        if (!state.zone.isValid()) {
            state.zone = QTimeZone::utc();
        }
        m_personIndex.insert(p.id, int(m_people.size()));
        m_people.push_back(std::move(state));
    }
    for (const TimeOff &t : request.timeOff) {
        const int person = personIndex(t.personId);
        if (person < 0) {
            continue;
        }
        PersonState &state = m_people[person];
        // Whole days in the person's own zone.
        state.leave.append({localDateTime(t.from, QTime(0, 0), state.zone).toSecsSinceEpoch(),
                            localDateTime(t.to.addDays(1), QTime(0, 0), state.zone).toSecsSinceEpoch()});
    }
    for (PersonState &state : m_people) {
        // Sorted and merged where they overlap or touch: onLeave() searches by end, which is
        // only in order when no leave lies inside another (a week off within a long leave).
        std::sort(state.leave.begin(), state.leave.end());
        QList<QPair<qint64, qint64>> merged;
        for (const auto &leave : std::as_const(state.leave)) {
            if (!merged.isEmpty() && leave.first <= merged.last().second) {
                merged.last().second = std::max(merged.last().second, leave.second);
            } else {
                merged.append(leave);
            }
        }
        state.leave = merged;
    }
    for (auto it = request.holidays.cbegin(); it != request.holidays.cend(); ++it) {
        m_holidays[it.key()] = QSet<QDate>(it.value().cbegin(), it.value().cend());
    }

    m_horizonStart = std::numeric_limits<qint64>::max();
    m_horizonEnd = std::numeric_limits<qint64>::min();
    for (int r = 0; r < request.rotations.size(); ++r) {
        const Rotation &rotation = request.rotations.at(r);
        m_rotationIndex.insert(rotation.id, r);
        m_weights.push_back(std::make_unique<DayWeights>(rotation));
        m_cuts.push_back(std::make_unique<WindowCut>(rotation));
        m_stints.emplace_back();
        const QTimeZone zone(rotation.timeZone.toUtf8());
        m_horizonStart = std::min(m_horizonStart, localDateTime(request.from, QTime(0, 0), zone).toSecsSinceEpoch());
        m_horizonEnd =
            std::max(m_horizonEnd, localDateTime(request.to.addDays(1), QTime(0, 0), zone).toSecsSinceEpoch());

        const int devPool = poolIndex(u"dev:"_s + rotation.teamId.toString(), tr("developers of %1").arg(rotation.name),
                                      Role::Developer);
        if (m_pools[devPool].members.isEmpty()) {
            for (int person = 0; person < int(m_people.size()); ++person) {
                const Person &p = m_people[person].person;
                if (p.role == Role::Developer && p.active && p.teams.contains(rotation.teamId)) {
                    m_pools[devPool].members.append(person);
                }
            }
        }
        const OpsPool pool = request.pools.value(rotation.opsPoolId);
        const int opsPool =
            poolIndex(u"ops:"_s + rotation.opsPoolId.toString(),
                      pool.name.isEmpty() ? tr("ops of %1").arg(rotation.name) : pool.name, Role::Operations);
        if (m_pools[opsPool].members.isEmpty()) {
            for (const PersonId &id : pool.members) {
                const int person = personIndex(id);
                // Separation of duties: only people with production access sit in the ops seat.
                if (person >= 0 && m_people[person].person.active && m_people[person].person.productionAccess) {
                    m_pools[opsPool].members.append(person);
                }
            }
        }
        m_rotationPools.insert(rotation.id, {devPool, opsPool});
    }
    // Developers onboarding in every planned rotation of their team take none of its developer
    // seats (test() refuses them): out of the pool, so no fair share waits for them.
    for (const Rotation &rotation : request.rotations) {
        QList<int> &members = m_pools[m_rotationPools.value(rotation.id).first].members;
        members.removeIf([&](int person) {
            const PersonId id = m_people[person].person.id;
            return std::all_of(request.rotations.cbegin(), request.rotations.cend(), [&](const Rotation &other) {
                return other.teamId != rotation.teamId || other.rules.trainees.contains(id);
            });
        });
    }
    if (request.rotations.isEmpty()) {
        m_horizonStart = m_horizonEnd = 0;
    }

    // History and the shifts of other rotations: facts that occupy people and count for load.
    QList<Shift> background;
    for (const Shift &s : request.existing) {
        const qint64 start = s.start.toSecsSinceEpoch();
        if (!m_rotationIndex.contains(s.rotationId) || start < m_horizonStart || start >= m_horizonEnd) {
            background.append(s);
        }
    }
    addExisting(background);
}

RuleBook::~RuleBook() = default;

int RuleBook::poolIndex(const QString &key, const QString &name, Role role)
{
    const auto it = m_poolByKey.constFind(key);
    if (it != m_poolByKey.constEnd()) {
        return *it;
    }
    PoolState pool;
    pool.key = key;
    pool.name = name;
    pool.role = role;
    m_pools.push_back(pool);
    m_poolByKey.insert(key, int(m_pools.size()) - 1);
    return int(m_pools.size()) - 1;
}

const Rotation *RuleBook::rotation(RotationId id) const
{
    const int index = m_rotationIndex.value(id, -1);
    return index < 0 ? nullptr : &m_request.rotations.at(index);
}

int RuleBook::addSlot(const Slot &slot, ShiftId id)
{
    SlotState state;
    state.slot = slot;
    state.id = id;
    state.rotation = m_rotationIndex.value(slot.rotation, -1);
    if (state.rotation >= 0) {
        const Rotation &r = m_request.rotations.at(state.rotation);
        // Only the hours inside the rotation's windows weigh; each piece by its own day and night.
        const QSet<QDate> holidays = m_holidays.value(r.teamId);
        const qint64 start = slot.start.toSecsSinceEpoch();
        const qint64 end = slot.end.toSecsSinceEpoch();
        for (const auto &piece : m_cuts[state.rotation]->pieces(start, end)) {
            const auto figures = m_weights[state.rotation]->weight(piece.first, piece.second, holidays);
            state.weight += figures.weight;
            state.weekend = state.weekend || figures.weekend;
            state.holiday = state.holiday || figures.holiday;
            state.night = state.night || figures.night;
        }
        std::tie(state.stintStart, state.stintEnd) = stintOf(state.rotation, start, end);
        const auto pools = m_rotationPools.value(slot.rotation);
        state.pool[0] = pools.first;
        state.pool[1] = pools.second;
        // History older than the look-back window no longer counts for fairness.
        const qint64 lookback = m_horizonStart - qint64(r.rules.lookbackWeeks) * 7 * Day;
        state.counts = slot.start.toSecsSinceEpoch() >= lookback;
    } else {
        state.counts = false;
        state.stintStart = slot.start.toSecsSinceEpoch();
        state.stintEnd = slot.end.toSecsSinceEpoch();
    }
    m_slots.push_back(state);
    return int(m_slots.size()) - 1;
}

QPair<qint64, qint64> RuleBook::stintOf(int rotation, qint64 start, qint64 end) const
{
    const Rotation &r = m_request.rotations.at(rotation);
    if (r.windows.isEmpty()) {
        return {start, end};
    }
    QMap<qint64, qint64> &known = m_stints[rotation];
    const auto holds = [&](QMap<qint64, qint64>::const_iterator it) {
        return it != known.cend() && it.key() <= start && end <= it.value();
    };
    const auto it = known.upperBound(start);
    if (it != known.begin() && holds(std::prev(it))) {
        return {std::prev(it).key(), std::prev(it).value()};
    }
    const auto stint = Planner::stintOf(r, start, end);
    if (stint != qMakePair(start, end)) {
        known.insert(stint.first, stint.second);
    }
    return stint;
}

qint64 RuleBook::pieceGap(int a, int b) const
{
    // Spans that overlap (the caller knows) overlap in time on call unless a rotation with hour
    // windows leaves that time out: a business-hours week and the nights of that week do not;
    // then the rest between them is the shortest gap between their pieces.
    const SlotState &x = m_slots.at(a);
    const SlotState &y = m_slots.at(b);
    const bool xAll = x.rotation < 0 || m_cuts[x.rotation]->allTheTime();
    const bool yAll = y.rotation < 0 || m_cuts[y.rotation]->allTheTime();
    if (xAll && yAll) {
        return -1;
    }
    const auto piecesOf = [this](const SlotState &s, bool all) {
        const qint64 start = s.slot.start.toSecsSinceEpoch();
        const qint64 end = s.slot.end.toSecsSinceEpoch();
        return all ? QList<QPair<qint64, qint64>>{{start, end}} : m_cuts[s.rotation]->pieces(start, end);
    };
    const QList<QPair<qint64, qint64>> p = piecesOf(x, xAll);
    const QList<QPair<qint64, qint64>> q = piecesOf(y, yAll);
    qint64 gap = std::numeric_limits<qint64>::max();
    for (const auto &u : p) {
        for (const auto &v : q) {
            if (u.first < v.second && v.first < u.second) {
                return -1;
            }
            gap = std::min(gap, v.first >= u.second ? v.first - u.second : u.first - v.second);
        }
    }
    return gap;
}

bool RuleBook::sameStint(int a, int b) const
{
    const SlotState &x = m_slots.at(a);
    const SlotState &y = m_slots.at(b);
    return x.rotation >= 0 && x.rotation == y.rotation && x.stintStart == y.stintStart && x.stintEnd == y.stintEnd;
}

void RuleBook::addExisting(const QList<Shift> &shifts)
{
    for (const Shift &s : shifts) {
        const int index = addSlot(Slot{s.rotationId, s.start, s.end}, s.id);
        m_slots[index].fixed = true;
        for (Seat seat : {Seat::Dev, Seat::Ops}) {
            const int person = personIndex(s.seat(seat));
            if (person >= 0) {
                assign(index, seat, person);
            }
        }
    }
}

bool RuleBook::isFixed(const Shift &shift) const
{
    const qint64 start = shift.start.toSecsSinceEpoch();
    if (shift.state == ShiftState::Locked || start < m_now) {
        return true;
    }
    if (shift.state == ShiftState::Published) {
        const Rotation *r = rotation(shift.rotationId);
        const int freezeDays = r ? r->rules.freezeDays : 14;
        return start < m_now + qint64(freezeDays) * Day;
    }
    return false;
}

void RuleBook::computeTargets()
{
    std::vector<Entry> &entries = m_entries;
    // Keep loads already booked; rebuild targets.
    for (PoolState &pool : m_pools) {
        pool.totalWeight = 0;
        pool.cumulative.clear();
    }
    std::vector<std::vector<int>> poolSlots(m_pools.size());
    for (int index = 0; index < int(m_slots.size()); ++index) {
        const SlotState &s = m_slots[index];
        if (!s.counts) {
            continue;
        }
        for (int seat = 0; seat < 2; ++seat) {
            if (s.pool[seat] >= 0) {
                poolSlots[s.pool[seat]].push_back(index);
            }
        }
    }
    for (int p = 0; p < int(m_pools.size()); ++p) {
        PoolState &pool = m_pools[p];
        auto &slots = poolSlots[p];
        std::sort(slots.begin(), slots.end(),
                  [this](int a, int b) { return m_slots[a].slot.start < m_slots[b].slot.start; });
        double running = 0;
        for (int index : slots) {
            running += m_slots[index].weight;
            pool.cumulative.emplace_back(m_slots[index].slot.start.toSecsSinceEpoch(), running);
        }
        pool.totalWeight = running;
        // Fair share in proportion to capacity x the weight of the pool's slots they are available for.
        std::vector<double> available(pool.members.size(), 0.0);
        double sum = 0;
        for (int m = 0; m < pool.members.size(); ++m) {
            const int person = pool.members.at(m);
            double weight = 0;
            for (int index : slots) {
                const SlotState &s = m_slots[index];
                if (!onLeave(person, s.slot.start.toSecsSinceEpoch(), s.slot.end.toSecsSinceEpoch(), nullptr)) {
                    weight += s.weight;
                }
            }
            available[m] = m_people[person].person.capacity * weight;
            sum += available[m];
        }
        for (int m = 0; m < pool.members.size(); ++m) {
            const int person = pool.members.at(m);
            auto &entryIndex = m_people[person].entry;
            if (!entryIndex.contains(p)) {
                entryIndex.insert(p, int(entries.size()));
                entries.push_back(Entry{person, p, 0, 0});
            }
            entries[entryIndex.value(p)].target = sum > 0 ? pool.totalWeight * available[m] / sum : 0;
        }
    }
}

const QList<int> &RuleBook::candidates(int slot, Seat seat) const
{
    const int pool = m_slots.at(slot).pool[int(seat)];
    return pool < 0 ? m_empty : m_pools.at(pool).members;
}

const QList<int> &RuleBook::poolMembers(int pool) const
{
    return m_pools.at(pool).members;
}

bool RuleBook::onLeave(int person, qint64 start, qint64 end, QString *when) const
{
    const auto &leave = m_people.at(person).leave;
    // First leave that ends after the shift starts.
    auto it = std::lower_bound(leave.cbegin(), leave.cend(), start,
                               [](const QPair<qint64, qint64> &l, qint64 value) { return l.second <= value; });
    for (; it != leave.cend() && it->first < end; ++it) {
        if (it->second > start) {
            if (when) {
                const QTimeZone &zone = m_people.at(person).zone;
                const QString from = dayText(it->first, zone);
                const QString to = dayText(it->second - 1, zone);
                *when = from == to ? from : u"%1–%2"_s.arg(from, to);
            }
            return true;
        }
    }
    return false;
}

std::optional<Violation> RuleBook::check(int slot, Seat seat, int person, int partner) const
{
    return test(slot, seat, person, partner, true);
}

std::optional<RuleKind> RuleBook::breaks(int slot, Seat seat, int person, int partner) const
{
    const auto violation = test(slot, seat, person, partner, false);
    return violation ? std::optional<RuleKind>(violation->kind) : std::nullopt;
}

std::optional<Violation> RuleBook::test(int slot, Seat seat, int person, int partner, bool texts) const
{
    // The texts cost more than the test: built only when asked for (check(), not breaks()).
    const auto violation = [texts](RuleKind kind, const auto &shortText, const auto &text) {
        return texts ? Violation{kind, shortText(), text()} : Violation{kind, {}, {}};
    };
    const SlotState &s = m_slots.at(slot);
    const PersonState &p = m_people.at(person);
    const auto name = [&p] { return firstName(p.person.name); };
    if (seat == Seat::Ops && !p.person.productionAccess) {
        return violation(
            RuleKind::Access, [&] { return tr("%1 has no production access").arg(name()); },
            [&] { return tr("%1 has no production access; the ops seat needs it.").arg(p.person.name); });
    }
    if (!p.person.active) {
        return violation(
            RuleKind::Access, [&] { return tr("%1 is inactive").arg(name()); },
            [&] { return tr("%1 is marked inactive on the roster.").arg(p.person.name); });
    }
    const Rotation *r = s.rotation >= 0 ? &m_request.rotations.at(s.rotation) : nullptr;
    if (seat == Seat::Dev && r) {
        if (auto team = checkDeveloperSeat(*r, p.person)) {
            return team;
        }
        if (!r->rules.trainees.isEmpty() && r->rules.trainees.contains(p.person.id)) {
            return violation(
                RuleKind::Team, [&] { return tr("%1 is onboarding").arg(name()); },
                [&] {
                    return tr("%1 is still onboarding in %2: they shadow pairs until a lead confirms them.")
                        .arg(p.person.name, r->name);
                });
        }
    }
    const qint64 start = s.slot.start.toSecsSinceEpoch();
    const qint64 end = s.slot.end.toSecsSinceEpoch();
    QString when;
    if (onLeave(person, start, end, texts ? &when : nullptr)) {
        return violation(
            RuleKind::Leave, [&] { return tr("%1 on leave").arg(name()); },
            [&] { return tr("%1 is on leave %2.").arg(p.person.name, when); });
    }

    const RotationRules rules = r ? r->rules : RotationRules{};
    // "One shift length" is the stint's: a business-hours week rests a week, not 8 hours.
    const qint64 rest = rules.minRestHours < 0 ? (s.stintEnd - s.stintStart) : qint64(rules.minRestHours) * 3600;
    const auto &bookings = p.bookings;
    // Bookings that could touch [start - rest, end + rest]; shifts are shorter than 31 days.
    auto it = std::lower_bound(bookings.cbegin(), bookings.cend(), start - rest - 31 * Day,
                               [](const Booking &b, qint64 value) { return b.start < value; });
    int concurrent = 0;
    for (; it != bookings.cend() && it->start < end + rest; ++it) {
        if (it->slot == slot) {
            continue;
        }
        const bool spansOverlap = it->start < end && it->end > start;
        const qint64 between = spansOverlap ? pieceGap(slot, it->slot) : -1;
        const bool overlaps = spansOverlap && between < 0;
        if (!overlaps && sameStint(it->slot, slot)) {
            continue; // another piece of the same stint: a continuation, not a rest to keep
        }
        const auto other = [this, it] {
            return m_slots.at(it->slot).rotation >= 0 ? m_request.rotations.at(m_slots.at(it->slot).rotation).name
                                                      : tr("another rotation");
        };
        if (overlaps) {
            if (seat == Seat::Dev || it->seat == Seat::Dev) {
                return violation(
                    RuleKind::DoubleBooking, [&] { return tr("%1 already on call in %2").arg(name(), other()); },
                    [&] { return tr("%1 is already on call in %2 at that time.").arg(p.person.name, other()); });
            }
            if (++concurrent >= std::max(1, rules.opsConcurrency)) {
                return violation(
                    RuleKind::DoubleBooking, [&] { return tr("%1 already covers %2").arg(name(), other()); },
                    [&] {
                        return tr("%1 already covers %2 at that time (at most %3 at once).")
                            .arg(p.person.name, other())
                            .arg(std::max(1, rules.opsConcurrency));
                    });
            }
            continue;
        }
        const qint64 gap = spansOverlap ? between : it->start >= end ? it->start - end : start - it->end;
        if (gap < rest) {
            const auto day = [&] { return dayText(it->start, r ? QTimeZone(r->timeZone.toUtf8()) : QTimeZone::utc()); };
            if (gap == 0 && it->end == start) {
                return violation(
                    RuleKind::Rest, [&] { return tr("%1 had the previous shift").arg(name()); },
                    [&] {
                        return tr("%1 had the previous shift: no rest in between (rest rule).").arg(p.person.name);
                    });
            }
            return violation(
                RuleKind::Rest, [&] { return tr("rest rule broken with %1").arg(day()); },
                [&] {
                    return tr("%1 would rest only %2 h between this shift and %3 (at least %4 h).")
                        .arg(p.person.name)
                        .arg(gap / 3600)
                        .arg(day())
                        .arg(rest / 3600);
                });
        }
    }

    if (rules.maxShiftsPer4Weeks > 0) {
        // At most N shift starts of this rotation in any 28 days: look at windows around this one.
        std::vector<qint64> starts;
        for (auto b = std::lower_bound(bookings.cbegin(), bookings.cend(), start - 28 * Day + 1,
                                       [](const Booking &x, qint64 value) { return x.start < value; });
             b != bookings.cend() && b->start < start + 28 * Day; ++b) {
            // Pieces of one stint count once: by the start of their stint.
            if (b->slot != slot && m_slots.at(b->slot).rotation == s.rotation && !sameStint(b->slot, slot)) {
                starts.push_back(m_slots.at(b->slot).stintStart);
            }
        }
        starts.push_back(s.stintStart);
        std::sort(starts.begin(), starts.end());
        starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
        size_t lo = 0;
        for (size_t hi = 0; hi < starts.size(); ++hi) {
            while (starts[hi] - starts[lo] >= 28 * Day) {
                ++lo;
            }
            if (int(hi - lo + 1) > rules.maxShiftsPer4Weeks) {
                return violation(
                    RuleKind::MaxShifts, [&] { return tr("%1 at the 4-week cap").arg(name()); },
                    [&] {
                        return tr("%1 would have more than %2 shifts in 4 weeks.")
                            .arg(p.person.name)
                            .arg(rules.maxShiftsPer4Weeks);
                    });
            }
        }
    }

    if (partner >= 0) {
        return checkPairRules(slot, seat == Seat::Dev ? person : partner, seat == Seat::Dev ? partner : person, texts);
    }
    return std::nullopt;
}

QList<QPair<int, Seat>> RuleBook::timingConflicts(int slot, Seat seat, int person) const
{
    const SlotState &s = m_slots.at(slot);
    const qint64 start = s.slot.start.toSecsSinceEpoch();
    const qint64 end = s.slot.end.toSecsSinceEpoch();
    const RotationRules rules = s.rotation >= 0 ? m_request.rotations.at(s.rotation).rules : RotationRules{};
    const qint64 rest = rules.minRestHours < 0 ? (s.stintEnd - s.stintStart) : qint64(rules.minRestHours) * 3600;
    const auto &bookings = m_people.at(person).bookings;
    QList<QPair<int, Seat>> conflicts;
    QList<QPair<int, Seat>> concurrent;
    auto it = std::lower_bound(bookings.cbegin(), bookings.cend(), start - rest - 31 * Day,
                               [](const Booking &b, qint64 value) { return b.start < value; });
    for (; it != bookings.cend() && it->start < end + rest; ++it) {
        if (it->slot == slot) {
            continue;
        }
        const bool spansOverlap = it->start < end && it->end > start;
        const qint64 between = spansOverlap ? pieceGap(slot, it->slot) : -1;
        const bool overlaps = spansOverlap && between < 0;
        if (!overlaps && sameStint(it->slot, slot)) {
            continue;
        }
        if (overlaps && seat == Seat::Ops && it->seat == Seat::Ops) {
            concurrent.append({it->slot, it->seat});
        } else if (overlaps || (spansOverlap ? between : it->start >= end ? it->start - end : start - it->end) < rest) {
            conflicts.append({it->slot, it->seat});
        }
    }
    // Concurrent ops seats are a conflict only beyond the allowed number.
    if (concurrent.size() >= std::max(1, rules.opsConcurrency)) {
        conflicts += concurrent;
    }
    return conflicts;
}

std::optional<Violation> RuleBook::checkPairRules(int slot, int dev, int ops, bool texts) const
{
    const auto violation = [texts](RuleKind kind, const auto &shortText, const auto &text) {
        return texts ? Violation{kind, shortText(), text()} : Violation{kind, {}, {}};
    };
    const SlotState &s = m_slots.at(slot);
    if (s.rotation < 0) {
        return std::nullopt;
    }
    const Rotation &r = m_request.rotations.at(s.rotation);
    const Person &d = m_people.at(dev).person;
    const Person &o = m_people.at(ops).person;
    for (const auto &pair : r.rules.forbiddenPairs) {
        if (pair.first == d.id && pair.second == o.id) {
            return violation(
                RuleKind::PairRule,
                [&] { return tr("%1 and %2 may not pair").arg(firstName(d.name), firstName(o.name)); },
                [&] { return tr("%1 and %2 are a forbidden pair in %3.").arg(d.name, o.name, r.name); });
        }
    }
    if (r.rules.newDevelopers.contains(d.id) && !o.senior) {
        return violation(
            RuleKind::PairRule, [&] { return tr("%1 is new and needs a senior ops").arg(firstName(d.name)); },
            [&] {
                return tr("%1 is new and pairs only with a senior ops engineer; %2 is not senior.").arg(d.name, o.name);
            });
    }
    if (r.rules.noSamePairConsecutive) {
        // The neighbouring shifts of the same rotation, by time: the bookings are sorted by start,
        // so only those that end at this start (they began at most MaxShiftSeconds before) or begin
        // at this end are looked at, not every booking of the person (quadratic over a long plan).
        // Neighbours by stint: with hour windows a shift is a piece of its stint (the slot of the
        // rotation), the next stint's first piece need not start where this one ends, and the
        // pieces of this stint are not neighbours but the same shift.
        const qint64 start = s.stintStart;
        const qint64 end = s.stintEnd;
        const qint64 reach = m_cuts.at(s.rotation)->allTheTime() ? end : end + MaxShiftSeconds;
        const auto &bookings = m_people.at(dev).bookings;
        for (auto it = std::lower_bound(bookings.cbegin(), bookings.cend(), start - MaxShiftSeconds,
                                        [](const Booking &b, qint64 value) { return b.start < value; });
             it != bookings.cend() && it->start <= reach; ++it) {
            const Booking &b = *it;
            if (b.slot == slot || m_slots.at(b.slot).rotation != s.rotation || b.seat != Seat::Dev) {
                continue;
            }
            const SlotState &other = m_slots.at(b.slot);
            if ((other.stintEnd == start || other.stintStart == end) && other.seat[int(Seat::Ops)] == ops) {
                return violation(
                    RuleKind::PairRule, [&] { return tr("same pair as the neighbouring shift"); },
                    [&] { return tr("%1 and %2 would work two shifts in a row together.").arg(d.name, o.name); });
            }
        }
    }
    return std::nullopt;
}

void RuleBook::book(int person, const Booking &booking)
{
    auto &bookings = m_people[person].bookings;
    auto it = std::upper_bound(bookings.begin(), bookings.end(), booking.start,
                               [](qint64 value, const Booking &b) { return value < b.start; });
    bookings.insert(it, booking);
}

void RuleBook::unbook(int person, int slot)
{
    auto &bookings = m_people[person].bookings;
    const qint64 start = m_slots.at(slot).slot.start.toSecsSinceEpoch();
    auto it = std::lower_bound(bookings.begin(), bookings.end(), start,
                               [](const Booking &b, qint64 value) { return b.start < value; });
    for (; it != bookings.end() && it->start == start; ++it) {
        if (it->slot == slot) {
            bookings.erase(it);
            return;
        }
    }
}

void RuleBook::assign(int slot, Seat seat, int person)
{
    SlotState &s = m_slots[slot];
    Q_ASSERT(s.seat[int(seat)] < 0);
    s.seat[int(seat)] = person;
    book(person, Booking{s.slot.start.toSecsSinceEpoch(), s.slot.end.toSecsSinceEpoch(), slot, seat});
    if (s.counts && s.pool[int(seat)] >= 0) {
        std::vector<Entry> &entries = m_entries;
        auto &entryIndex = m_people[person].entry;
        if (!entryIndex.contains(s.pool[int(seat)])) {
            entryIndex.insert(s.pool[int(seat)], int(entries.size()));
            entries.push_back(Entry{person, s.pool[int(seat)], 0, 0});
        }
        entries[entryIndex.value(s.pool[int(seat)])].load += s.weight;
    }
    if (s.counts && s.seat[0] >= 0 && s.seat[1] >= 0) {
        ++m_pairs[{s.seat[0], s.seat[1]}];
    }
}

void RuleBook::unassign(int slot, Seat seat)
{
    SlotState &s = m_slots[slot];
    const int person = s.seat[int(seat)];
    if (person < 0) {
        return;
    }
    if (s.counts && s.seat[0] >= 0 && s.seat[1] >= 0) {
        auto it = m_pairs.find({s.seat[0], s.seat[1]});
        if (it != m_pairs.end() && --it.value() == 0) {
            m_pairs.erase(it);
        }
    }
    unbook(person, slot);
    if (s.counts && s.pool[int(seat)] >= 0) {
        m_entries[m_people[person].entry.value(s.pool[int(seat)])].load -= s.weight;
    }
    s.seat[int(seat)] = -1;
}

QList<QPair<int, Seat>> RuleBook::seatsOf(int person) const
{
    QList<QPair<int, Seat>> seats;
    for (const Booking &b : m_people.at(person).bookings) {
        seats.append({b.slot, b.seat});
    }
    return seats;
}

qint64 RuleBook::secondsSinceLast(int person, int slot) const
{
    const qint64 start = m_slots.at(slot).slot.start.toSecsSinceEpoch();
    qint64 last = std::numeric_limits<qint64>::min() / 2;
    // Backwards from the last booking that starts before this slot: a booking ends at most
    // MaxShiftSeconds after its start, so once the starts are that far behind the latest end
    // found, nothing earlier can end later.
    const auto &bookings = m_people.at(person).bookings;
    auto it = std::lower_bound(bookings.cbegin(), bookings.cend(), start,
                               [](const Booking &b, qint64 value) { return b.start < value; });
    while (it != bookings.cbegin()) {
        --it;
        if (it->start + MaxShiftSeconds < last) {
            break;
        }
        if (it->end <= start) {
            last = std::max(last, it->end);
        }
    }
    return start - last;
}

int RuleBook::poolOf(int slot, Seat seat) const
{
    return m_slots.at(slot).pool[int(seat)];
}

} // namespace Tandem::Planner
