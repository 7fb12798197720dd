#include "planner.h"

#include "localsearch.h"
#include "rules.h"
#include "shadows.h"
#include "windowcut.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <random>

using namespace Qt::StringLiterals;

namespace Tandem::Planner {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Tandem::Planner", text, disambiguation, n);
}

constexpr double Epsilon = 1e-9;

QString shortName(const QString &name)
{
    return name.section(u' ', 0, 0);
}

QString load(double value)
{
    return QString::number(value, 'f', 1);
}

} // namespace

bool Objective::betterThan(const Objective &other, double epsilon) const
{
    if (std::abs(maxDeviation - other.maxDeviation) > epsilon) {
        return maxDeviation < other.maxDeviation;
    }
    if (std::abs(sumSquares - other.sumSquares) > epsilon) {
        return sumSquares < other.sumSquares;
    }
    if (maxPairCount != other.maxPairCount) {
        return maxPairCount < other.maxPairCount;
    }
    if (distinctPairs != other.distinctPairs) {
        return distinctPairs > other.distinctPairs;
    }
    return minSpacingHours > other.minSpacingHours + epsilon;
}

double shiftWeight(const QDateTime &start, const QDateTime &end, const Rotation &rotation, const QSet<QDate> &holidays)
{
    return DayWeights(rotation).weight(start.toSecsSinceEpoch(), end.toSecsSinceEpoch(), holidays).weight;
}

namespace {

/// The planner's working state: the slots of the horizon, the seats filled so far, and the
/// per person figures that the objective is made of. Rules are checked by RuleBook over the
/// same schedule, so the planner and the calendar's drop check agree.
class Engine
{
public:
    Engine(const PlanRequest &request, const Progress &progress) : m_request(request), m_progress(progress)
    {
        m_book = std::make_unique<RuleBook>(request);
        m_rng.seed(request.seed);
    }

    PlanResult run();

private:
    struct Candidate
    {
        int person = -1;
        double deficit = 0;
        qint64 sinceLast = 0;
    };

    void collectSlots();
    /// Appends the pieces of the stint `slot` to the plan.
    void writePieces(int slot, PlanResult &result) const;
    void computeTargets();
    double deficit(int person, int slot, Seat seat) const;
    int choose(int slot, Seat seat, int partner, QString *reason, const QSet<int> &exclude = {});
    void assign(int slot, Seat seat, int person);
    void unassign(int slot, Seat seat);
    bool repairGaps();
    bool improveFairness();
    bool improveVariety();
    void keepExisting();
    void search();
    /// Marks the pools whose largest deviation the exact search proved optimal or bounded.
    void proveFairness(FairnessSummary &summary) const;
    Objective objective() const;
    QString gapReason(int slot, Seat seat) const;
    bool cancelled(int done, int total)
    {
        if (m_progress && !m_progress(done, total)) {
            m_cancelled = true;
        }
        return m_cancelled;
    }

    const PlanRequest &m_request;
    const Progress &m_progress;
    std::unique_ptr<RuleBook> m_book;
    std::mt19937_64 m_rng;
    bool m_cancelled = false;

    QList<int> m_horizon;           ///< schedule slot indices of the horizon, in time order
    QHash<int, Shift> m_existingOf; ///< slot -> existing shift matched to it
    QList<Shift> m_removed;         ///< existing planned shifts that match no slot any more
    /// A stint of a rotation with hour windows -> its pieces (the shifts it is written as), each
    /// with the existing shift at that start, if any. Slots not in here are one shift each.
    QHash<int, QList<QPair<Slot, std::optional<Shift>>>> m_pieces;
    QSet<int> m_underWay;                         ///< pieces of stints that began before the horizon: kept as they are
    std::array<QHash<int, QString>, 2> m_reasons; ///< slot -> explanation per seat
    QHash<int, LocalSearch::PoolBound> m_bounds;  ///< pool -> what the exact search proved
    QHash<int, double> m_fairest; ///< a re-plan of the fewest changes: pool -> the fairest plan's largest deviation
};

void Engine::writePieces(int slot, PlanResult &result) const
{
    // One stint, its pieces as shifts with the stint's pair; a gap is said once, on the first.
    const Slot &stint = m_book->slot(slot);
    const PersonId dev = m_book->personId(m_book->occupant(slot, Seat::Dev));
    const PersonId ops = m_book->personId(m_book->occupant(slot, Seat::Ops));
    bool first = true;
    for (const auto &[piece, existing] : m_pieces.value(slot)) {
        PlannedShift planned;
        planned.shift = existing ? *existing : Shift{};
        planned.shift.id =
            existing
                ? existing->id
                : ShiftId(QUuid::createUuidV5(stint.rotation.uuid(), QString::number(piece.start.toSecsSinceEpoch())));
        planned.shift.rotationId = stint.rotation;
        planned.shift.start = piece.start;
        planned.shift.end = piece.end;
        planned.shift.dev = dev;
        planned.shift.ops = ops;
        planned.devReason = m_reasons[0].value(slot);
        planned.opsReason = m_reasons[1].value(slot);
        if (!existing) {
            planned.change = Change::Added;
        } else if (m_book->isFixedSlot(slot) || m_book->isFixed(*existing)) {
            // A started or locked piece stays as it is, even when its stint's seats change.
            planned.shift = *existing;
            planned.change = Change::Fixed;
        } else if (existing->dev == dev && existing->ops == ops) {
            planned.change = Change::Unchanged;
        } else {
            planned.change = Change::Changed;
            ++planned.shift.sequence;
        }
        for (Seat seat : {Seat::Dev, Seat::Ops}) {
            if (planned.shift.seat(seat).isNull()) {
                const QString reason = gapReason(slot, seat);
                (seat == Seat::Dev ? planned.devReason : planned.opsReason) = reason;
                if (first) {
                    result.summary.gaps.append(
                        Gap{stint.rotation, planned.shift.id, stint.start, stint.end, seat, reason});
                }
            }
        }
        first = false;
        result.shifts.append(planned);
    }
}

void Engine::collectSlots()
{
    // Existing shifts of the planned rotations, by (rotation, start): re-planning keeps their
    // identity and, where it can, their people.
    QHash<QPair<RotationId, qint64>, Shift> existing;
    QSet<RotationId> planned;
    for (const Rotation &r : m_request.rotations) {
        planned.insert(r.id);
    }
    for (const Shift &s : m_request.existing) {
        if (planned.contains(s.rotationId)) {
            existing.insert({s.rotationId, s.start.toSecsSinceEpoch()}, s);
        }
    }
    for (const Rotation &rotation : m_request.rotations) {
        const WindowCut cut(rotation);
        for (Slot slot : generateSlots(rotation, m_request.from, m_request.to)) {
            // Hour windows: the pair is planned for the whole stint (the slot), which is written
            // as its pieces inside the windows; the stint spans its first to its last piece.
            QList<QPair<Slot, std::optional<Shift>>> pieces;
            if (!cut.allTheTime()) {
                for (const Slot &piece : cut.cut(slot)) {
                    const auto found = existing.constFind({rotation.id, piece.start.toSecsSinceEpoch()});
                    pieces.append({piece, found != existing.constEnd() ? std::optional<Shift>(*found) : std::nullopt});
                }
                if (pieces.isEmpty()) {
                    continue; // no window time: no shift
                }
                slot.start = pieces.first().first.start;
                slot.end = pieces.last().first.end;
            }
            auto key = qMakePair(rotation.id, slot.start.toSecsSinceEpoch());
            for (const auto &piece : std::as_const(pieces)) {
                if (piece.second) {
                    // The stint's people are those of its earliest existing piece.
                    key.second = piece.first.start.toSecsSinceEpoch();
                    break;
                }
            }
            const auto it = existing.constFind(key);
            // A new shift's id derives from its rotation and start: the same plan gets the same ids.
            const ShiftId id = it != existing.constEnd()
                                   ? it->id
                                   : ShiftId(QUuid::createUuidV5(rotation.id.uuid(), QString::number(key.second)));
            const int index = m_book->addSlot(slot, id);
            if (it != existing.constEnd()) {
                m_existingOf.insert(index, *it);
                existing.erase(it);
            }
            if (!pieces.isEmpty()) {
                for (const auto &piece : std::as_const(pieces)) {
                    if (piece.second) {
                        existing.remove({rotation.id, piece.first.start.toSecsSinceEpoch()});
                    }
                }
                m_pieces.insert(index, pieces);
            }
            m_horizon.append(index);
        }
    }
    // Whatever remains of the planned rotations inside the horizon no longer matches the shape
    // (the rotation was edited): planned ones go, fixed ones stay as they are.
    const qint64 horizonStart = m_book->horizonStart();
    for (const Shift &s : std::as_const(existing)) {
        if (s.start.toSecsSinceEpoch() < horizonStart || s.start.toSecsSinceEpoch() >= m_book->horizonEnd()) {
            continue; // history or beyond the horizon: the rule book holds them as facts
        }
        // A piece of a stint that began before the horizon (Wednesday of a business-hours week
        // planned from Wednesday) is as much history as the stint's start: kept as it is.
        const auto rotation = std::find_if(m_request.rotations.cbegin(), m_request.rotations.cend(),
                                           [&s](const Rotation &r) { return r.id == s.rotationId; });
        const bool underWay =
            rotation != m_request.rotations.cend() && !rotation->windows.isEmpty() &&
            stintOf(*rotation, s.start.toSecsSinceEpoch(), s.end.toSecsSinceEpoch()).first < horizonStart;
        if (m_book->isFixed(s) || underWay) {
            const int index = m_book->addSlot(Slot{s.rotationId, s.start, s.end}, s.id);
            m_existingOf.insert(index, s);
            m_horizon.append(index);
            if (underWay) {
                m_underWay.insert(index);
            }
        } else {
            m_removed.append(s);
        }
    }
    std::sort(m_horizon.begin(), m_horizon.end(), [this](int a, int b) {
        return m_book->slot(a).start < m_book->slot(b).start ||
               (m_book->slot(a).start == m_book->slot(b).start && m_book->slot(a).rotation < m_book->slot(b).rotation);
    });
}

double Engine::deficit(int person, int slot, Seat seat) const
{
    // Fair share accrued in this pool by this slot's time minus the load carried: who is most behind.
    const int pool = m_book->poolOf(slot, seat);
    return m_book->target(person, pool) * m_book->progressAt(slot, seat) - m_book->load(person, pool);
}

int Engine::choose(int slot, Seat seat, int partner, QString *reason, const QSet<int> &exclude)
{
    const QList<int> &pool = m_book->candidates(slot, seat);
    QList<Candidate> feasible;
    QStringList excluded;
    for (int person : pool) {
        if (exclude.contains(person)) {
            continue;
        }
        if (const auto kind = m_book->breaks(slot, seat, person, partner)) {
            if (excluded.size() < 3) {
                excluded.append(m_book->check(slot, seat, person, partner)->shortText);
            }
            continue;
        }
        // Never NaN into the orderings below (an inconsistent comparison makes std::sort read out
        // of bounds): plan() refuses what would produce one; this holds the line regardless.
        const double d = deficit(person, slot, seat);
        feasible.append(Candidate{person, std::isfinite(d) ? d : 0.0, m_book->secondsSinceLast(person, slot)});
    }
    if (feasible.isEmpty()) {
        *reason = gapReason(slot, seat);
        return -1;
    }
    // Most behind their fair share first; among those within a small tolerance of the best,
    // the one who worked least with the partner, then the one who rested longest.
    std::sort(feasible.begin(), feasible.end(),
              [](const Candidate &a, const Candidate &b) { return a.deficit > b.deficit + Epsilon; });
    const double weight = m_book->slotWeight(slot);
    const double tolerance = 0.5 * weight;
    const double best = feasible.first().deficit;
    QList<Candidate> near;
    for (const Candidate &c : feasible) {
        if (c.deficit >= best - tolerance) {
            near.append(c);
        }
    }
    auto pairCount = [&](int person) {
        if (partner < 0) {
            return 0;
        }
        return seat == Seat::Dev ? m_book->pairCount(person, partner) : m_book->pairCount(partner, person);
    };
    std::stable_sort(near.begin(), near.end(), [&](const Candidate &a, const Candidate &b) {
        const int pa = pairCount(a.person);
        const int pb = pairCount(b.person);
        if (pa != pb) {
            return pa < pb;
        }
        if (std::abs(a.deficit - b.deficit) > 0.25 * weight) {
            return a.deficit > b.deficit;
        }
        return a.sinceLast > b.sinceLast;
    });

    // Re-planning: keep who was there while the rules allow it. Rebalancing afterwards moves
    // kept seats only for a clear gain, so one change elsewhere does not ripple through the plan.
    const auto existing = m_existingOf.constFind(slot);
    if (existing != m_existingOf.constEnd()) {
        const int previous = m_book->personIndex(existing->seat(seat));
        for (const Candidate &c : feasible) {
            if (c.person == previous) {
                *reason = tr("%1: kept from the current plan (load %2, fair share %3)")
                              .arg(m_book->name(c.person), load(m_book->load(c.person, m_book->poolOf(slot, seat))),
                                   load(m_book->target(c.person, m_book->poolOf(slot, seat))));
                return c.person;
            }
        }
    }

    const Candidate &chosen = near.first();
    QString why = tr("%1: lowest weighted load in pool (%2 vs mean %3)")
                      .arg(m_book->name(chosen.person), load(m_book->load(chosen.person, m_book->poolOf(slot, seat))),
                           load(m_book->poolMeanLoad(m_book->poolOf(slot, seat))));
    if (partner >= 0 && pairCount(chosen.person) == 0) {
        why += tr("; first shift with %1").arg(shortName(m_book->name(partner)));
    }
    if (!excluded.isEmpty()) {
        why += u"; "_s + excluded.join(u"; "_s);
    }
    *reason = why;
    return chosen.person;
}

QString Engine::gapReason(int slot, Seat seat) const
{
    // Count why each candidate is out, then say it in one line.
    const QList<int> &pool = m_book->candidates(slot, seat);
    const QString role = seat == Seat::Dev ? tr("developers") : tr("ops");
    if (pool.isEmpty()) {
        return seat == Seat::Dev ? tr("the team has no active developer")
                                 : tr("the ops pool has nobody with production access");
    }
    QHash<RuleKind, int> counts;
    for (int person : pool) {
        // Not a read: a candidate who breaks no rule alone is out for its pair (no partner fits).
        counts[m_book->breaks(slot, seat, person, -1).value_or(RuleKind::PairRule)]++;
    }
    const Slot &s = m_book->slot(slot);
    const QLocale c = QLocale::c();
    const QString days =
        s.start.date() == s.end.addSecs(-1).date()
            ? c.toString(s.start.date(), u"d MMM"_s)
            : u"%1–%2"_s.arg(c.toString(s.start.date(), u"d"_s), c.toString(s.end.addSecs(-1).date(), u"d MMM"_s));
    if (counts.value(RuleKind::Leave) == pool.size()) {
        return tr("all %1 %2 on leave %3").arg(pool.size()).arg(role, days);
    }
    QStringList parts;
    const QList<QPair<RuleKind, QString>> names = {
        {RuleKind::Leave, tr("on leave")},
        {RuleKind::Rest, tr("resting")},
        {RuleKind::DoubleBooking, tr("on call elsewhere")},
        {RuleKind::MaxShifts, tr("at the 4-week cap")},
        {RuleKind::PairRule, tr("pairing rules")},
        {RuleKind::Access, tr("without production access")},
    };
    for (const auto &[kind, name] : names) {
        if (counts.value(kind) > 0) {
            parts.append(u"%1 %2"_s.arg(counts.value(kind)).arg(name));
        }
    }
    return tr("no %1 free %2 (%3)").arg(role, days, parts.join(u", "_s));
}

void Engine::assign(int slot, Seat seat, int person)
{
    m_book->assign(slot, seat, person);
}

void Engine::unassign(int slot, Seat seat)
{
    m_book->unassign(slot, seat);
}

Objective Engine::objective() const
{
    return m_book->objective();
}

bool Engine::repairGaps()
{
    // The greedy looks only at the present: an empty seat may be fillable by someone whose
    // earlier or concurrent seat could go to another person. Try that one step deep.
    QSet<int> inHorizon(m_horizon.cbegin(), m_horizon.cend());
    bool repaired = false;
    for (int slot : std::as_const(m_horizon)) {
        if (m_book->isFixedSlot(slot)) {
            continue;
        }
        for (Seat seat : {Seat::Ops, Seat::Dev}) {
            if (m_book->occupant(slot, seat) >= 0) {
                continue;
            }
            const int partner = m_book->occupant(slot, seat == Seat::Dev ? Seat::Ops : Seat::Dev);
            bool filled = false;
            for (int person : m_book->candidates(slot, seat)) {
                const auto violation = m_book->check(slot, seat, person, partner);
                if (!violation) {
                    // Free now that an earlier repair moved things around.
                    assign(slot, seat, person);
                    m_reasons[int(seat)][slot] = tr("%1: free after the plan was rearranged").arg(m_book->name(person));
                    filled = true;
                    repaired = true;
                    break;
                }
                if (violation->kind != RuleKind::Rest && violation->kind != RuleKind::DoubleBooking) {
                    continue;
                }
                const QList<QPair<int, Seat>> conflicts = m_book->timingConflicts(slot, seat, person);
                if (conflicts.isEmpty() || conflicts.size() > 3) {
                    continue;
                }
                bool movable = true;
                for (const auto &[other, otherSeat] : conflicts) {
                    movable = movable && inHorizon.contains(other) && !m_book->isFixedSlot(other) &&
                              !m_existingOf.contains(other);
                }
                if (!movable) {
                    continue;
                }
                // Free the person from the seats in the way, take the gap, then find someone else
                // for each of those seats; undo everything if one of them finds nobody.
                for (const auto &[other, otherSeat] : conflicts) {
                    unassign(other, otherSeat);
                }
                QList<QPair<QPair<int, Seat>, int>> moved;
                bool ok = !m_book->check(slot, seat, person, partner);
                if (ok) {
                    assign(slot, seat, person);
                    for (const auto &[other, otherSeat] : conflicts) {
                        const int otherPartner =
                            m_book->occupant(other, otherSeat == Seat::Dev ? Seat::Ops : Seat::Dev);
                        int replacement = -1;
                        for (int q : m_book->candidates(other, otherSeat)) {
                            if (q != person && !m_book->check(other, otherSeat, q, otherPartner)) {
                                replacement = q;
                                break;
                            }
                        }
                        if (replacement < 0) {
                            ok = false;
                            break;
                        }
                        assign(other, otherSeat, replacement);
                        moved.append({{other, otherSeat}, replacement});
                    }
                }
                if (!ok) {
                    for (const auto &[seatRef, replacement] : moved) {
                        unassign(seatRef.first, seatRef.second);
                    }
                    if (m_book->occupant(slot, seat) == person) {
                        unassign(slot, seat);
                    }
                    for (const auto &[other, otherSeat] : conflicts) {
                        assign(other, otherSeat, person);
                    }
                    continue;
                }
                m_reasons[int(seat)][slot] =
                    tr("%1: free after others took their neighbouring seats (no one else could take this one)")
                        .arg(m_book->name(person));
                for (const auto &[seatRef, replacement] : moved) {
                    m_reasons[int(seatRef.second)][seatRef.first] =
                        tr("%1: takes the seat so that %2 can fill a gap")
                            .arg(m_book->name(replacement), shortName(m_book->name(person)));
                }
                filled = true;
                repaired = true;
                break;
            }
            Q_UNUSED(filled);
        }
    }
    return repaired;
}

bool Engine::improveFairness()
{
    // First improvement: take a seat from someone above their share in a pool and give it to
    // someone below it, whenever that lowers (max deviation, sum of squares). Fixed shifts stay;
    // an assignment kept from the current plan moves only for a gain beyond the tolerance.
    QSet<int> inHorizon(m_horizon.cbegin(), m_horizon.cend());
    bool improved = false;
    const int limit = 4 * int(m_horizon.size()) + 100;
    for (int iteration = 0; iteration < limit; ++iteration) {
        if (iteration % 64 == 0 &&
            cancelled(int(m_horizon.size()) + iteration * int(m_horizon.size()) / limit, int(m_horizon.size()) * 2)) {
            return improved;
        }
        const Objective before = objective();
        bool moved = false;
        for (const auto &[over, pool] : m_book->entriesByDeviation()) {
            const double overDeviation = m_book->deviation(over, pool);
            if (overDeviation <= Epsilon) {
                break;
            }
            const QList<QPair<int, Seat>> seats = m_book->seatsOf(over);
            for (auto it = seats.crbegin(); it != seats.crend() && !moved; ++it) {
                const auto [slot, seat] = *it;
                if (!inHorizon.contains(slot) || m_book->isFixedSlot(slot) || m_book->poolOf(slot, seat) != pool) {
                    continue;
                }
                const double weight = m_book->slotWeight(slot);
                const int partner = m_book->occupant(slot, seat == Seat::Dev ? Seat::Ops : Seat::Dev);
                const auto existing = m_existingOf.constFind(slot);
                const bool kept =
                    existing != m_existingOf.constEnd() && m_book->personIndex(existing->seat(seat)) == over;
                for (int other : m_book->poolMembers(pool)) {
                    // Only someone lower by more than the seat's weight can take it with a gain.
                    if (other == over || m_book->deviation(other, pool) + weight >= overDeviation - Epsilon) {
                        continue;
                    }
                    const Objective after = m_book->objectiveAfterMove(slot, seat, over, other);
                    if (!after.betterThan(before) ||
                        (kept && before.maxDeviation - after.maxDeviation <= m_request.keepTolerance * weight)) {
                        continue;
                    }
                    if (m_book->check(slot, seat, other, partner)) {
                        continue;
                    }
                    unassign(slot, seat);
                    assign(slot, seat, other);
                    m_reasons[int(seat)][slot] =
                        tr("%1: takes over from %2 to even out the load (%2 was %3 above fair share)")
                            .arg(m_book->name(other), shortName(m_book->name(over)), load(overDeviation));
                    moved = true;
                    improved = true;
                    break;
                }
            }
            if (moved) {
                break;
            }
        }
        if (!moved) {
            break;
        }
    }
    return improved;
}

bool Engine::improveVariety()
{
    // Swap the ops seats of two shifts of equal weight: loads stay, pairs change. Accept when
    // the objective improves (fewer repeats of the most frequent pair, more distinct pairs).
    bool improved = false;
    QList<int> movable;
    for (int slot : std::as_const(m_horizon)) {
        if (!m_book->isFixedSlot(slot) && !m_existingOf.contains(slot) && m_book->occupant(slot, Seat::Dev) >= 0 &&
            m_book->occupant(slot, Seat::Ops) >= 0) {
            movable.append(slot);
        }
    }
    if (movable.size() < 2) {
        return false;
    }
    std::uniform_int_distribution<qsizetype> pick(0, movable.size() - 1);
    const int tries = std::min<int>(20000, 40 * int(movable.size()));
    Objective current = objective();
    for (int attempt = 0; attempt < tries; ++attempt) {
        if (attempt % 512 == 0 && cancelled(attempt, tries)) {
            break;
        }
        const int a = movable.at(pick(m_rng));
        const int b = movable.at(pick(m_rng));
        if (a == b || std::abs(m_book->slotWeight(a) - m_book->slotWeight(b)) > Epsilon) {
            continue;
        }
        const int opsA = m_book->occupant(a, Seat::Ops);
        const int opsB = m_book->occupant(b, Seat::Ops);
        if (opsA == opsB) {
            continue;
        }
        unassign(a, Seat::Ops);
        unassign(b, Seat::Ops);
        const bool okA = !m_book->check(a, Seat::Ops, opsB, m_book->occupant(a, Seat::Dev));
        if (okA) {
            assign(a, Seat::Ops, opsB);
        }
        const bool okB = okA && !m_book->check(b, Seat::Ops, opsA, m_book->occupant(b, Seat::Dev));
        if (okB) {
            assign(b, Seat::Ops, opsA);
            const Objective after = objective();
            if (after.betterThan(current)) {
                current = after;
                improved = true;
                continue;
            }
            unassign(b, Seat::Ops);
        }
        if (okA) {
            unassign(a, Seat::Ops);
        }
        assign(a, Seat::Ops, opsA);
        assign(b, Seat::Ops, opsB);
    }
    return improved;
}

void Engine::keepExisting()
{
    for (int slot : std::as_const(m_horizon)) {
        const auto existing = m_existingOf.constFind(slot);
        if (existing == m_existingOf.constEnd() || m_book->isFixedSlot(slot)) {
            continue;
        }
        for (Seat seat : {Seat::Ops, Seat::Dev}) {
            const int person = m_book->personIndex(existing->seat(seat));
            if (person < 0 || !m_book->candidates(slot, seat).contains(person)) {
                continue;
            }
            const int partner = m_book->occupant(slot, seat == Seat::Dev ? Seat::Ops : Seat::Dev);
            if (!m_book->check(slot, seat, person, partner)) {
                assign(slot, seat, person);
                const int pool = m_book->poolOf(slot, seat);
                m_reasons[int(seat)][slot] = tr("%1: kept from the current plan (load %2, fair share %3)")
                                                 .arg(m_book->name(person), load(m_book->load(person, pool)),
                                                      load(m_book->target(person, pool)));
            }
        }
    }
}

void Engine::proveFairness(FairnessSummary &summary) const
{
    for (auto it = m_bounds.cbegin(); it != m_bounds.cend(); ++it) {
        const int pool = it.key();
        const LocalSearch::PoolBound &b = it.value();
        if (!b.known || pool >= summary.pools.size()) {
            continue;
        }
        int gaps = 0;
        for (int slot : std::as_const(m_horizon)) {
            for (Seat seat : {Seat::Dev, Seat::Ops}) {
                gaps +=
                    !m_book->isFixedSlot(slot) && m_book->poolOf(slot, seat) == pool && m_book->occupant(slot, seat) < 0
                        ? 1
                        : 0;
            }
        }
        PoolFigures &figures = summary.pools[pool];
        if (b.exact) {
            // The optimum among plans with the fewest gaps: it says nothing about a plan with more.
            if (gaps != b.fewestGaps) {
                continue;
            }
            figures.proof =
                figures.maxDeviation <= b.bound + Epsilon ? PoolFigures::Proof::Optimal : PoolFigures::Proof::Bounded;
        } else {
            figures.proof = PoolFigures::Proof::Bounded;
        }
        figures.bound = figures.proof == PoolFigures::Proof::Optimal ? figures.maxDeviation : b.bound;
    }
}

void Engine::search()
{
    QList<int> movable;
    for (int slot : std::as_const(m_horizon)) {
        if (!m_book->isFixedSlot(slot)) {
            movable.append(slot);
        }
    }
    QHash<int, std::array<int, 2>> previous;
    for (auto it = m_existingOf.cbegin(); it != m_existingOf.cend(); ++it) {
        if (!m_book->isFixedSlot(it.key())) {
            previous.insert(it.key(), {m_book->personIndex(it->dev), m_book->personIndex(it->ops)});
        }
    }
    // Progress: the greedy fill was the first half; the search creeps through the second.
    const int total = int(m_horizon.size());
    int step = 0;
    LocalSearch local(*m_book, movable, previous, m_request.keepTolerance, m_request.replan, m_reasons,
                      [this, total, step]() mutable {
                          step = std::min(step + 1, std::max(0, total - 1));
                          return cancelled(total + step, total * 2);
                      });
    QElapsedTimer timer;
    timer.start();
    local.repairGaps();
    const qint64 repaired = timer.nsecsElapsed();
    const LocalSearch::Snapshot start = local.snapshot();
    if (!m_cancelled) {
        local.improveFairness();
    }
    const qint64 fair = timer.nsecsElapsed();
    if (!m_cancelled && !previous.isEmpty()) {
        local.reduceChurn(start);
    }
    const qint64 churned = timer.nsecsElapsed();
    if (!m_cancelled) {
        local.improveVariety(m_rng);
    }
    m_bounds = local.bounds();
    if (!previous.isEmpty() && m_request.replan == PlanRequest::Replan::FewestChanges) {
        m_fairest = local.reached();
    }
    qCDebug(lcPlanner, "search: gaps %.1f ms, fairness %.1f ms, churn %.1f ms, variety %.1f ms, %lld checks",
            double(repaired) / 1e6, double(fair - repaired) / 1e6, double(churned - fair) / 1e6,
            double(timer.nsecsElapsed() - churned) / 1e6, local.checks());
}

PlanResult Engine::run()
{
    PlanResult result;
    collectSlots();
    m_book->computeTargets();
    const int total = int(m_horizon.size());

    // 1. Fixed shifts first: they are facts the rest must respect.
    for (int slot : std::as_const(m_horizon)) {
        const auto existing = m_existingOf.constFind(slot);
        if (existing != m_existingOf.constEnd() && (m_book->isFixed(*existing) || m_underWay.contains(slot))) {
            m_book->markFixed(slot);
            for (Seat seat : {Seat::Dev, Seat::Ops}) {
                const int person = m_book->personIndex(existing->seat(seat));
                if (person >= 0) {
                    assign(slot, seat, person);
                }
                m_reasons[int(seat)][slot] = existing->state == ShiftState::Locked ? tr("locked")
                                             : existing->start < m_request.now     ? tr("already started")
                                             : m_underWay.contains(slot)
                                                 ? tr("part of a shift that began before these days")
                                                 : tr("published and frozen");
            }
        }
    }

    // 2. Re-planning (full search): every existing assignment that still keeps the rules first,
    // so that a seat the new facts force to change is filled around what stays. (Filled in time
    // order, a replacement would take a week its holder keeps, and the change would cascade.)
    const bool full = m_request.search == PlanRequest::Search::Full;
    if (full) {
        keepExisting();
    }

    // 3. Greedy in time order: the most behind fair share takes the seat.
    int done = 0;
    for (int slot : std::as_const(m_horizon)) {
        if (++done % 64 == 0 && cancelled(done, total * 2)) {
            result.cancelled = true;
            return result;
        }
        if (m_book->isFixedSlot(slot)) {
            continue;
        }
        if (full && (m_book->occupant(slot, Seat::Dev) >= 0 || m_book->occupant(slot, Seat::Ops) >= 0)) {
            // One seat kept: the other one goes to whoever is most behind and may pair with them.
            for (Seat seat : {Seat::Ops, Seat::Dev}) {
                const int partner = m_book->occupant(slot, seat == Seat::Dev ? Seat::Ops : Seat::Dev);
                if (m_book->occupant(slot, seat) >= 0) {
                    continue;
                }
                QString reason;
                const int person = choose(slot, seat, partner, &reason);
                if (person >= 0) {
                    assign(slot, seat, person);
                }
                m_reasons[int(seat)][slot] = reason;
            }
            continue;
        }
        // The ops seat first (the scarcer pool), then the developer who pairs with them. When
        // no developer can pair with the chosen ops engineer (pairing rules), try the next one.
        QString opsReason;
        QString devReason;
        QSet<int> triedOps;
        int ops = -1;
        int dev = -1;
        for (int attempt = 0; attempt < 4; ++attempt) {
            QString reason;
            const int candidate = choose(slot, Seat::Ops, -1, &reason, triedOps);
            if (candidate < 0) {
                if (attempt == 0) {
                    opsReason = reason;
                }
                break;
            }
            QString why;
            const int partner = choose(slot, Seat::Dev, candidate, &why);
            if (attempt == 0 || partner >= 0) {
                ops = candidate;
                opsReason = reason;
                dev = partner;
                devReason = why;
            }
            if (partner >= 0) {
                break;
            }
            triedOps.insert(candidate);
        }
        if (ops >= 0) {
            assign(slot, Seat::Ops, ops);
        } else {
            // No ops engineer at all: the developer seat is still filled (half a pair beats none).
            dev = choose(slot, Seat::Dev, -1, &devReason);
        }
        if (dev >= 0) {
            assign(slot, Seat::Dev, dev);
        }
        m_reasons[0][slot] = devReason;
        m_reasons[1][slot] = opsReason;
    }

    // 4. Local search: fill gaps the greedy left, then fairness, then pair variety.
    if (m_request.search == PlanRequest::Search::Classic) {
        repairGaps();
        improveFairness();
        if (!m_cancelled) {
            improveVariety();
        }
    } else {
        search();
    }
    if (m_cancelled) {
        result.cancelled = true;
        return result;
    }

    // 5. The plan, compared with what is there.
    for (int slot : std::as_const(m_horizon)) {
        if (m_pieces.contains(slot)) {
            writePieces(slot, result);
            continue;
        }
        PlannedShift planned;
        const Slot &s = m_book->slot(slot);
        const auto existing = m_existingOf.constFind(slot);
        planned.shift = existing != m_existingOf.constEnd() ? *existing : Shift{};
        planned.shift.id = m_book->shiftId(slot);
        planned.shift.rotationId = s.rotation;
        planned.shift.start = s.start;
        planned.shift.end = s.end;
        planned.shift.dev = m_book->personId(m_book->occupant(slot, Seat::Dev));
        planned.shift.ops = m_book->personId(m_book->occupant(slot, Seat::Ops));
        planned.devReason = m_reasons[0].value(slot);
        planned.opsReason = m_reasons[1].value(slot);
        if (existing == m_existingOf.constEnd()) {
            planned.change = Change::Added;
        } else if (m_book->isFixedSlot(slot)) {
            planned.change = Change::Fixed;
        } else if (existing->dev == planned.shift.dev && existing->ops == planned.shift.ops) {
            planned.change = Change::Unchanged;
        } else {
            planned.change = Change::Changed;
            ++planned.shift.sequence;
        }
        for (Seat seat : {Seat::Dev, Seat::Ops}) {
            if (planned.shift.seat(seat).isNull()) {
                Gap gap{s.rotation, planned.shift.id, s.start, s.end, seat, gapReason(slot, seat)};
                (seat == Seat::Dev ? planned.devReason : planned.opsReason) = gap.reason;
                result.summary.gaps.append(gap);
            }
        }
        result.shifts.append(planned);
    }
    if (!m_pieces.isEmpty()) {
        // A stint's pieces were written together; by start, as the stints of other rotations are.
        std::stable_sort(result.shifts.begin(), result.shifts.end(),
                         [](const PlannedShift &a, const PlannedShift &b) { return a.shift.start < b.shift.start; });
    }
    for (const Shift &removed : std::as_const(m_removed)) {
        PlannedShift planned;
        planned.shift = removed;
        planned.change = Change::Removed;
        result.shifts.append(planned);
    }
    const QList<Gap> gaps = result.summary.gaps;
    result.summary = m_book->summary();
    result.summary.gaps = gaps;
    proveFairness(result.summary);
    for (auto it = m_fairest.cbegin(); it != m_fairest.cend(); ++it) {
        if (it.key() >= 0 && it.key() < result.summary.pools.size()) {
            result.summary.pools[it.key()].fairest = it.value();
        }
    }
    if (m_progress) {
        m_progress(total * 2, total * 2);
    }
    return result;
}

} // namespace

PlanResult plan(const PlanRequest &request, const Progress &progress)
{
    // The loads are sums of products of these: a number that is not finite and positive (or so
    // large that the sums overflow) makes the deficits NaN, and the orderings built on them
    // meaningless. Refuse it in words instead of planning nonsense.
    auto sane = [](double x) { return std::isfinite(x) && x > 0 && x <= 1e6; };
    for (const Rotation &r : request.rotations) {
        if (!sane(r.rules.weekendWeight) || !sane(r.rules.holidayWeight) || !sane(r.rules.nightWeight)) {
            PlanResult refused;
            refused.error = tr("The weights of %1 are not usable numbers (weekend %2, holiday %3, night %4).")
                                .arg(r.name)
                                .arg(r.rules.weekendWeight)
                                .arg(r.rules.holidayWeight)
                                .arg(r.rules.nightWeight);
            return refused;
        }
    }
    for (const Person &p : request.people) {
        if (!sane(p.capacity)) {
            PlanResult refused;
            refused.error = tr("The capacity of %1 is not a usable number (%2).").arg(p.name).arg(p.capacity);
            return refused;
        }
    }
    Engine engine(request, progress);
    PlanResult result = engine.run();
    if (!result.cancelled) {
        planShadows(request, result.shifts); // after the pairs: the shadow seat carries no load
    }
    result.dataVersion = request.dataVersion;
    return result;
}

FairnessSummary summarize(const PlanRequest &request, const QList<Shift> &shifts)
{
    // The shifts are the schedule itself, not background: add them once, as they are.
    PlanRequest copy = request;
    copy.existing.clear();
    RuleBook book(copy);
    book.addExisting(shifts);
    book.computeTargets();
    return book.summary();
}

} // namespace Tandem::Planner
