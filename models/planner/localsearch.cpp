#include "localsearch.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <utility>

using namespace Qt::StringLiterals;

namespace Tandem::Planner {

Q_LOGGING_CATEGORY(lcPlanner, "tandem.planner", QtWarningMsg)

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::Planner", text);
}

constexpr double Epsilon = 1e-9;

/// Longest run of seats a Kempe swap exchanges between two people, and the largest pool that
/// tries them.
constexpr int KempeLength = 6;
constexpr size_t KempeSeats = 400;
/// Seat combinations tried for one candidate move before the next candidate.
constexpr int TriesPerCandidate = 96;
/// Candidate moves tried per person before the next person.
constexpr int CandidatesPerPerson = 400;
/// Concrete moves listed for one candidate before they are sorted and tried.
constexpr size_t MaxOptions = 2000;
/// Pools up to this size are searched exactly (PoolSolver), with at most this many nodes.
constexpr int ExactSeats = 80;
constexpr int ExactPeople = 40;
constexpr qint64 ExactNodes = 200000;

Seat otherSeat(Seat seat)
{
    return seat == Seat::Dev ? Seat::Ops : Seat::Dev;
}

QString shortName(const QString &name)
{
    return name.section(u' ', 0, 0);
}

QString load(double value)
{
    return QString::number(value, 'f', 1);
}

/// A sort key that orders scores like Score::betterThan() but is a strict weak order.
std::pair<qint64, qint64> key(double maxDeviation, double sumSquares)
{
    return {qRound64(maxDeviation * 1e6), qRound64(sumSquares * 1e6)};
}

} // namespace

bool LocalSearch::Score::betterThan(const Score &other) const
{
    if (std::abs(maxDeviation - other.maxDeviation) > Epsilon) {
        return maxDeviation < other.maxDeviation;
    }
    return sumSquares < other.sumSquares - Epsilon;
}

LocalSearch::LocalSearch(RuleBook &book, const QList<int> &movable, const QHash<int, std::array<int, 2>> &previous,
                         double keepTolerance, PlanRequest::Replan replan, std::array<QHash<int, QString>, 2> &reasons,
                         std::function<bool()> cancelled)
    : m_book(book), m_order(movable), m_movable(movable.cbegin(), movable.cend()), m_previous(previous),
      m_keepTolerance(keepTolerance), m_replan(replan), m_reasons(reasons), m_cancelled(std::move(cancelled))
{
    for (int slot : std::as_const(m_order)) {
        for (Seat seat : {Seat::Dev, Seat::Ops}) {
            const int pool = m_book.poolOf(slot, seat);
            if (pool < 0) {
                continue;
            }
            auto it = m_poolSeats.find(pool);
            if (it == m_poolSeats.end()) {
                it = m_poolSeats.insert(pool, {});
                m_pools.append(pool);
            }
            it->push_back(SeatRef{slot, seat});
        }
    }
    std::sort(m_pools.begin(), m_pools.end());
    for (const auto &[person, pool] : m_book.entriesByDeviation()) {
        if (m_poolSeats.contains(pool) && !m_book.poolMembers(pool).contains(person)) {
            const double d = m_book.deviation(person, pool);
            auto &[largest, squares] = m_outsiders[pool];
            largest = std::max(largest, std::abs(d));
            squares += d * d;
        }
    }
}

int LocalSearch::previousOf(int slot, Seat seat) const
{
    const auto it = m_previous.constFind(slot);
    return it == m_previous.constEnd() ? -2 : (*it)[int(seat)];
}

int LocalSearch::changedSeats() const
{
    int changed = 0;
    for (int slot : m_order) {
        const auto it = m_previous.constFind(slot);
        if (it == m_previous.constEnd()) {
            continue;
        }
        for (Seat seat : {Seat::Dev, Seat::Ops}) {
            changed += m_book.occupant(slot, seat) != (*it)[int(seat)] ? 1 : 0;
        }
    }
    return changed;
}

bool LocalSearch::apply(const Move &move)
{
    // Everyone leaves first, then each new holder is checked against the schedule as it stands,
    // including the seats this move has filled before: the final schedule breaks no rule.
    for (const Change &c : move) {
        Q_ASSERT(m_book.occupant(c.slot, c.seat) == c.from);
        if (c.from >= 0) {
            m_book.unassign(c.slot, c.seat);
        }
    }
    qsizetype done = 0;
    for (; done < move.size(); ++done) {
        const Change &c = move.at(done);
        if (c.to < 0) {
            continue;
        }
        ++m_checks;
        if (m_book.breaks(c.slot, c.seat, c.to, m_book.occupant(c.slot, otherSeat(c.seat)))) {
            break;
        }
        m_book.assign(c.slot, c.seat, c.to);
    }
    if (done == move.size()) {
        return true;
    }
    for (qsizetype i = done - 1; i >= 0; --i) {
        if (move.at(i).to >= 0) {
            m_book.unassign(move.at(i).slot, move.at(i).seat);
        }
    }
    for (const Change &c : move) {
        if (c.from >= 0) {
            m_book.assign(c.slot, c.seat, c.from);
        }
    }
    return false;
}

void LocalSearch::undo(const Move &move)
{
    for (const Change &c : move) {
        if (c.to >= 0) {
            m_book.unassign(c.slot, c.seat);
        }
    }
    for (const Change &c : move) {
        if (c.from >= 0) {
            m_book.assign(c.slot, c.seat, c.from);
        }
    }
}

// --- Gaps -------------------------------------------------------------------------------------

int LocalSearch::repairGaps(int depth)
{
    // An empty seat may be fillable by someone whose neighbouring seat (rest rule, double
    // booking) could go to another person, who may in turn need to hand one on: an augmenting
    // chain, searched depth-first up to `depth` moved seats. Several passes, since one repair can
    // free someone for another gap.
    int filled = 0;
    for (int pass = 0; pass < 3; ++pass) {
        int filledNow = 0;
        for (int slot : std::as_const(m_order)) {
            for (Seat seat : {Seat::Ops, Seat::Dev}) {
                if (m_book.occupant(slot, seat) >= 0 || m_book.candidates(slot, seat).isEmpty()) {
                    continue;
                }
                if (m_cancelled && m_cancelled()) {
                    return filled + filledNow;
                }
                // Shallowest chain first: the fewest seats moved for the gap.
                QList<int> busy;
                std::vector<Move> journal;
                int budget = 20000;
                bool done = false;
                for (int d = 0; d <= depth && !done && budget >= 0; ++d) {
                    done = fill(SeatRef{slot, seat}, d, busy, journal, budget);
                }
                if (done) {
                    ++filledNow;
                    const int person = m_book.occupant(slot, seat);
                    if (journal.size() == 1) {
                        m_reasons[int(seat)][slot] =
                            tr("%1: free after the plan was rearranged").arg(m_book.name(person));
                        continue;
                    }
                    m_reasons[int(seat)][slot] =
                        tr("%1: free after others took their neighbouring seats (no one else could take this one)")
                            .arg(m_book.name(person));
                    for (const Move &move : journal) {
                        for (const Change &c : move) {
                            if (c.to >= 0 && !(c.slot == slot && c.seat == seat)) {
                                m_reasons[int(c.seat)][c.slot] =
                                    tr("%1: takes the seat so that %2 can fill a gap")
                                        .arg(m_book.name(c.to), shortName(m_book.name(person)));
                            }
                        }
                    }
                }
            }
        }
        filled += filledNow;
        if (filledNow == 0) {
            break;
        }
    }
    return filled;
}

bool LocalSearch::fill(SeatRef gap, int depth, QList<int> &busy, std::vector<Move> &journal, int &budget)
{
    const int partner = m_book.occupant(gap.slot, otherSeat(gap.seat));
    const int pool = m_book.poolOf(gap.slot, gap.seat);
    // Most behind their fair share first: the repair should not make the loads worse than needed.
    QList<int> people = m_book.candidates(gap.slot, gap.seat);
    std::stable_sort(people.begin(), people.end(),
                     [&](int a, int b) { return m_book.deviation(a, pool) < m_book.deviation(b, pool) - Epsilon; });
    for (int person : std::as_const(people)) {
        if (--budget < 0) {
            return false;
        }
        ++m_checks;
        if (!m_book.breaks(gap.slot, gap.seat, person, partner)) {
            const Move move{Change{gap.slot, gap.seat, -1, person}};
            if (apply(move)) {
                journal.push_back(move);
                return true;
            }
        }
    }
    if (depth <= 0) {
        return false;
    }
    busy.append(gap.slot);
    for (int person : std::as_const(people)) {
        if (--budget < 0) {
            break;
        }
        ++m_checks;
        const auto violation = m_book.breaks(gap.slot, gap.seat, person, partner);
        if (!violation || (*violation != RuleKind::Rest && *violation != RuleKind::DoubleBooking)) {
            continue;
        }
        const QList<QPair<int, Seat>> conflicts = m_book.timingConflicts(gap.slot, gap.seat, person);
        if (conflicts.isEmpty() || conflicts.size() > 3) {
            continue;
        }
        bool movable = true;
        for (const auto &[other, otherSeat] : conflicts) {
            movable = movable && isMovable(other) && !busy.contains(other);
        }
        if (!movable) {
            continue;
        }
        // The person leaves the seats in the way and takes the gap; then each of those seats
        // needs someone else, found the same way one step less deep.
        Move move;
        for (const auto &[other, otherSeat] : conflicts) {
            move.append(Change{other, otherSeat, person, -1});
        }
        move.append(Change{gap.slot, gap.seat, -1, person});
        if (!apply(move)) {
            continue;
        }
        const size_t mark = journal.size();
        journal.push_back(move);
        bool ok = true;
        for (const auto &[other, otherSeat] : conflicts) {
            if (!fill(SeatRef{other, otherSeat}, depth - 1, busy, journal, budget)) {
                ok = false;
                break;
            }
        }
        if (ok) {
            busy.removeLast();
            return true;
        }
        while (journal.size() > mark) {
            undo(journal.back());
            journal.pop_back();
        }
    }
    busy.removeLast();
    return false;
}

// --- Fairness ---------------------------------------------------------------------------------

QList<int> LocalSearch::pools() const
{
    return m_pools;
}

LocalSearch::PoolView LocalSearch::view(int pool) const
{
    PoolView v;
    v.pool = pool;
    v.members = m_book.poolMembers(pool);
    for (int i = 0; i < v.members.size(); ++i) {
        v.memberIndex.insert(v.members.at(i), i);
        v.deviation.push_back(m_book.deviation(v.members.at(i), pool));
    }
    for (const SeatRef &s : m_poolSeats.value(pool)) {
        const double weight = m_book.slotWeight(s.slot);
        auto it = std::find_if(v.weights.cbegin(), v.weights.cend(),
                               [weight](double w) { return std::abs(w - weight) < Epsilon; });
        if (it == v.weights.cend()) {
            v.weights.push_back(weight);
        }
        v.timeline.push_back(s);
    }
    std::sort(v.weights.begin(), v.weights.end());
    v.seats.assign(size_t(v.members.size()), std::vector<std::vector<int>>(v.weights.size()));
    for (int t = 0; t < int(v.timeline.size()); ++t) {
        const SeatRef &s = v.timeline[size_t(t)];
        const double weight = m_book.slotWeight(s.slot);
        const int k = int(std::find_if(v.weights.cbegin(), v.weights.cend(),
                                       [weight](double w) { return std::abs(w - weight) < Epsilon; }) -
                          v.weights.cbegin());
        v.weightClass.push_back(k);
        const int member = v.memberIndex.value(m_book.occupant(s.slot, s.seat), -1);
        v.holder.push_back(member);
        if (member >= 0) {
            v.seats[size_t(member)][size_t(k)].push_back(t);
        }
    }
    std::tie(v.fixedMax, v.fixedSum) = m_outsiders.value(pool);
    // A move changes at most three people's loads: the largest deviation among the others is
    // one of the four largest, so scoring a move never needs a pass over the whole pool.
    std::vector<int> order(v.deviation.size());
    for (int i = 0; i < int(order.size()); ++i) {
        order[size_t(i)] = i;
        v.squares += v.deviation[size_t(i)] * v.deviation[size_t(i)];
    }
    const size_t top = std::min<size_t>(4, order.size());
    std::partial_sort(order.begin(), order.begin() + qsizetype(top), order.end(), [&v](int a, int b) {
        const double da = std::abs(v.deviation[size_t(a)]);
        const double db = std::abs(v.deviation[size_t(b)]);
        return da != db ? da > db : a < b;
    });
    v.top.assign(order.begin(), order.begin() + qsizetype(top));
    v.score = scoreWith(v, {});
    return v;
}

LocalSearch::Score LocalSearch::scoreWith(const PoolView &v,
                                          const QVarLengthArray<std::pair<int, double>, 4> &delta) const
{
    // The same member twice adds up.
    QVarLengthArray<std::pair<int, double>, 4> merged;
    for (const auto &[member, change] : delta) {
        auto it = std::find_if(merged.begin(), merged.end(),
                               [member](const std::pair<int, double> &m) { return m.first == member; });
        if (it == merged.end()) {
            merged.append({member, change});
        } else {
            it->second += change;
        }
    }
    Score s;
    s.sumSquares = v.squares + v.fixedSum;
    s.maxDeviation = v.fixedMax;
    auto changed = [&merged](int member) {
        return std::any_of(merged.cbegin(), merged.cend(), [member](const auto &m) { return m.first == member; });
    };
    for (int member : v.top) {
        if (!changed(member)) {
            s.maxDeviation = std::max(s.maxDeviation, std::abs(v.deviation[size_t(member)]));
            break;
        }
    }
    for (const auto &[member, change] : merged) {
        const double before = v.deviation[size_t(member)];
        const double after = before + change;
        s.maxDeviation = std::max(s.maxDeviation, std::abs(after));
        s.sumSquares += after * after - before * before;
    }
    return s;
}

QList<LocalSearch::Candidate> LocalSearch::candidates(const PoolView &v, int x) const
{
    QList<Candidate> out;
    const int classes = int(v.weights.size());
    auto has = [&v](int member, int k, int n = 1) { return int(v.seats[size_t(member)][size_t(k)].size()) >= n; };
    auto w = [&v](int k) { return v.weights[size_t(k)]; };
    auto consider = [&](Candidate c, const QVarLengthArray<std::pair<int, double>, 4> &delta) {
        c.after = scoreWith(v, delta);
        if (c.after.betterThan(v.score)) {
            c.index = int(out.size());
            out.append(c);
        }
    };
    for (int y = 0; y < v.members.size(); ++y) {
        if (y == x) {
            continue;
        }
        for (int k = 0; k < classes; ++k) {
            // A seat handed over, either way.
            if (has(x, k)) {
                Candidate c;
                c.a = x;
                c.b = y;
                c.giveA = {k, -1};
                consider(c, {{x, -w(k)}, {y, w(k)}});
            }
            if (has(y, k)) {
                Candidate c;
                c.a = y;
                c.b = x;
                c.giveA = {k, -1};
                consider(c, {{y, -w(k)}, {x, w(k)}});
            }
        }
        // Exchanges: one seat for one, two for one, one for two, of different weights.
        for (int ka = 0; ka < classes; ++ka) {
            if (!has(x, ka)) {
                continue;
            }
            for (int kb = 0; kb < classes; ++kb) {
                if (kb == ka || !has(y, kb)) {
                    continue;
                }
                Candidate c;
                c.kind = Candidate::Exchange;
                c.a = x;
                c.b = y;
                c.giveA = {ka, -1};
                c.giveB = {kb, -1};
                c.size = 2;
                const double shift = w(kb) - w(ka);
                consider(c, {{x, shift}, {y, -shift}});
            }
            for (int ka2 = ka; ka2 < classes; ++ka2) {
                if (!has(x, ka2, ka2 == ka ? 2 : 1)) {
                    continue;
                }
                for (int kb = 0; kb < classes; ++kb) {
                    if (kb == ka || kb == ka2 || !has(y, kb)) {
                        continue;
                    }
                    Candidate c;
                    c.kind = Candidate::Exchange;
                    c.a = x;
                    c.b = y;
                    c.giveA = {ka, ka2};
                    c.giveB = {kb, -1};
                    c.size = 3;
                    const double shift = w(kb) - w(ka) - w(ka2);
                    consider(c, {{x, shift}, {y, -shift}});
                }
            }
        }
        for (int kb = 0; kb < classes; ++kb) {
            if (!has(y, kb)) {
                continue;
            }
            for (int kb2 = kb; kb2 < classes; ++kb2) {
                if (!has(y, kb2, kb2 == kb ? 2 : 1)) {
                    continue;
                }
                for (int ka = 0; ka < classes; ++ka) {
                    if (ka == kb || ka == kb2 || !has(x, ka)) {
                        continue;
                    }
                    Candidate c;
                    c.kind = Candidate::Exchange;
                    c.a = x;
                    c.b = y;
                    c.giveA = {ka, -1};
                    c.giveB = {kb, kb2};
                    c.size = 3;
                    const double shift = w(kb) + w(kb2) - w(ka);
                    consider(c, {{x, shift}, {y, -shift}});
                }
            }
        }
        // Chains through a third person: x -> y -> z, and z -> y -> x.
        for (int z = 0; z < v.members.size(); ++z) {
            if (z == x || z == y) {
                continue;
            }
            for (int ka = 0; ka < classes; ++ka) {
                for (int kb = 0; kb < classes; ++kb) {
                    if (!has(y, kb)) {
                        continue;
                    }
                    if (has(x, ka)) {
                        Candidate c;
                        c.kind = Candidate::Chain;
                        c.a = x;
                        c.b = y;
                        c.c = z;
                        c.giveA = {ka, -1};
                        c.giveB = {kb, -1};
                        c.size = 2;
                        consider(c, {{x, -w(ka)}, {y, w(ka) - w(kb)}, {z, w(kb)}});
                    }
                    if (has(z, ka)) {
                        Candidate c;
                        c.kind = Candidate::Chain;
                        c.a = z;
                        c.b = y;
                        c.c = x;
                        c.giveA = {ka, -1};
                        c.giveB = {kb, -1};
                        c.size = 2;
                        consider(c, {{z, -w(ka)}, {y, w(ka) - w(kb)}, {x, w(kb)}});
                    }
                }
            }
        }
        // Kempe swaps: every seat of x and y in a run of their seats along the time line
        // changes hands at once, so the rest rule only matters at the two ends of the run.
        // In a big pool single hand-overs and exchanges have room enough; the runs of two people
        // there are long, and trying every window would cost more than it finds.
        if (v.timeline.size() > KempeSeats) {
            continue;
        }
        std::vector<int> run;
        for (int t = 0; t < int(v.timeline.size()); ++t) {
            if (v.holder[size_t(t)] == x || v.holder[size_t(t)] == y) {
                run.push_back(t);
            }
        }
        for (int i = 0; i < int(run.size()); ++i) {
            double shift = 0; // what x gains
            bool hasX = false;
            bool hasY = false;
            for (int j = i; j < int(run.size()) && j - i < KempeLength; ++j) {
                const int t = run[size_t(j)];
                const double weight = w(v.weightClass[size_t(t)]);
                if (v.holder[size_t(t)] == x) {
                    shift -= weight;
                    hasX = true;
                } else {
                    shift += weight;
                    hasY = true;
                }
                if (j - i < 1 || !hasX || !hasY) {
                    continue;
                }
                Candidate c;
                c.kind = Candidate::Kempe;
                c.a = x;
                c.b = y;
                c.from = run[size_t(i)];
                c.to = t;
                c.size = j - i + 1;
                consider(c, {{x, shift}, {y, -shift}});
            }
        }
    }
    // Only the best few are ever tried: sort those.
    const auto firstBetter = [](const Candidate &a, const Candidate &b) {
        const auto ka = key(a.after.maxDeviation, a.after.sumSquares);
        const auto kb = key(b.after.maxDeviation, b.after.sumSquares);
        if (ka != kb) {
            return ka < kb;
        }
        return a.size != b.size ? a.size < b.size : a.index < b.index;
    };
    if (out.size() > CandidatesPerPerson) {
        std::nth_element(out.begin(), out.begin() + CandidatesPerPerson, out.end(), firstBetter);
        out.resize(CandidatesPerPerson);
    }
    std::sort(out.begin(), out.end(), firstBetter);
    return out;
}

int LocalSearch::churnOf(const Move &move) const
{
    int delta = 0;
    for (const Change &c : move) {
        const int before = previousOf(c.slot, c.seat);
        if (before != -2) {
            delta += (c.to != before ? 1 : 0) - (c.from != before ? 1 : 0);
        }
    }
    return delta;
}

bool LocalSearch::realize(const PoolView &v, const Candidate &candidate, int &budget, Move *applied, bool leastChurn)
{
    const int a = v.members.at(candidate.a);
    const int b = v.members.at(candidate.b);
    const int c = candidate.c >= 0 ? v.members.at(candidate.c) : -1;
    auto change = [&v](int t, int from, int to) {
        return Change{v.timeline[size_t(t)].slot, v.timeline[size_t(t)].seat, from, to};
    };
    // Pair variety comes after fairness: among seats that shift the same load, those whose new
    // pairs are rarest go first (how often each new pair works together already, summed).
    auto repeats = [&](const Move &move) {
        int sum = 0;
        for (const Change &x : move) {
            const int partner = m_book.occupant(x.slot, otherSeat(x.seat));
            if (partner >= 0 && x.to >= 0) {
                sum += x.seat == Seat::Dev ? m_book.pairCount(x.to, partner) : m_book.pairCount(partner, x.to);
            }
        }
        return sum;
    };
    // The seats of one side in the given weight classes: single seats latest first, pairs of seats.
    auto combinations = [&v](int member, const std::array<int, 2> &classes) {
        std::vector<std::vector<int>> result;
        if (classes[0] < 0) {
            result.push_back({});
            return result;
        }
        const std::vector<int> &first = v.seats[size_t(member)][size_t(classes[0])];
        if (classes[1] < 0) {
            for (auto it = first.crbegin(); it != first.crend(); ++it) {
                result.push_back({*it});
            }
            return result;
        }
        const std::vector<int> &second = v.seats[size_t(member)][size_t(classes[1])];
        for (int s : first) {
            for (int t : second) {
                if (classes[0] == classes[1] && t <= s) {
                    continue;
                }
                result.push_back({s, t});
                if (result.size() > 200) {
                    return result;
                }
            }
        }
        return result;
    };

    // Every concrete move of the candidate (capped), then tried in order: fewest changed seats
    // against the current plan first when asked, then rarest pairs, then closest in time (a seat
    // blocked by the rest rule is freed by handing over its neighbour).
    struct Option
    {
        Move move;
        int churn = 0;
        int variety = 0;
        int span = 0;
    };
    std::vector<Option> options;
    auto add = [&](Move move) {
        int lo = std::numeric_limits<int>::max();
        int hi = std::numeric_limits<int>::min();
        for (const Change &x : move) {
            lo = std::min(lo, x.slot);
            hi = std::max(hi, x.slot);
        }
        Option option;
        option.churn = leastChurn ? churnOf(move) : 0;
        option.variety = repeats(move);
        option.span = hi - lo;
        option.move = std::move(move);
        options.push_back(std::move(option));
    };
    switch (candidate.kind) {
    case Candidate::Transfer:
    case Candidate::Exchange: {
        const auto giveA = combinations(candidate.a, candidate.giveA);
        const auto giveB = combinations(candidate.b, candidate.giveB);
        for (const auto &ours : giveA) {
            for (const auto &theirs : giveB) {
                Move move;
                for (int t : ours) {
                    move.append(change(t, a, b));
                }
                for (int t : theirs) {
                    move.append(change(t, b, a));
                }
                add(std::move(move));
                if (options.size() > MaxOptions) {
                    break;
                }
            }
        }
        if (candidate.kind == Candidate::Transfer) {
            for (Option &option : options) {
                option.span = 0; // a single seat: latest first, as listed
            }
        }
        break;
    }
    case Candidate::Chain: {
        // Every pair of seats where they are few (as many as an exchange lists); on a long plan
        // only the seats of b nearest in time to each seat of a, so the options grow with the
        // plan's length, not with its square (80 years of daily shifts listed 25 million).
        const std::vector<int> &ours = v.seats[size_t(candidate.a)][size_t(candidate.giveA[0])];
        const std::vector<int> &theirs = v.seats[size_t(candidate.b)][size_t(candidate.giveB[0])];
        const size_t near = ours.size() * theirs.size() <= MaxOptions
                                ? theirs.size()
                                : std::clamp<size_t>(MaxOptions / std::max<size_t>(1, ours.size()), 1, theirs.size());
        for (int s : ours) {
            // The `near` seats of b around s: a window of the sorted list, kept in time order.
            const size_t at = size_t(std::lower_bound(theirs.cbegin(), theirs.cend(), s) - theirs.cbegin());
            size_t first = at > near / 2 ? at - near / 2 : 0;
            first = std::min(first, theirs.size() - near);
            for (size_t k = first; k < first + near; ++k) {
                add(Move{change(s, a, b), change(theirs[k], b, c)});
            }
        }
        break;
    }
    case Candidate::Kempe: {
        Move move;
        for (int t = candidate.from; t <= candidate.to; ++t) {
            const int holder = v.holder[size_t(t)];
            if (holder == candidate.a) {
                move.append(change(t, a, b));
            } else if (holder == candidate.b) {
                move.append(change(t, b, a));
            }
        }
        add(std::move(move));
        break;
    }
    }
    std::stable_sort(options.begin(), options.end(), [](const Option &p, const Option &q) {
        if (p.churn != q.churn) {
            return p.churn < q.churn;
        }
        if (p.variety != q.variety) {
            return p.variety < q.variety;
        }
        return p.span < q.span;
    });
    const int limit = candidate.kind == Candidate::Transfer ? int(options.size()) : TriesPerCandidate;
    int tries = 0;
    for (const Option &option : options) {
        if (budget < 0 || ++tries > limit) {
            return false;
        }
        budget -= int(option.move.size());
        if (apply(option.move)) {
            *applied = option.move;
            return true;
        }
    }
    return false;
}

void LocalSearch::explain(const PoolView &v, const Candidate &candidate, const Move &move)
{
    const QString a = m_book.name(v.members.at(candidate.a));
    const QString b = m_book.name(v.members.at(candidate.b));
    const double over = v.deviation[size_t(candidate.a)];
    for (const Change &c : move) {
        QString why;
        switch (candidate.kind) {
        case Candidate::Transfer:
            why = over > 0 ? tr("%1: takes over from %2 to even out the load (%2 was %3 above fair share)")
                                 .arg(m_book.name(c.to), shortName(m_book.name(c.from)), load(over))
                           : tr("%1: takes over from %2 to even out the load (%1 was %3 below fair share)")
                                 .arg(m_book.name(c.to), shortName(m_book.name(c.from)), load(-over));
            break;
        case Candidate::Exchange:
            why = tr("%1: exchanges shifts of different weight with %2 to even out the load")
                      .arg(m_book.name(c.to), shortName(m_book.name(c.from)));
            break;
        case Candidate::Chain:
            why = tr("%1: takes the seat in a chain of hand-overs (%2, %3, %4) that evens out the load")
                      .arg(m_book.name(c.to), shortName(a), shortName(b),
                           shortName(m_book.name(v.members.at(candidate.c))));
            break;
        case Candidate::Kempe:
            why = tr("%1: swaps a run of shifts with %2 to even out the load (the rest rule blocks a single "
                     "hand-over)")
                      .arg(m_book.name(c.to), shortName(m_book.name(c.from)));
            break;
        }
        m_reasons[int(c.seat)][c.slot] = why;
    }
}

bool LocalSearch::improvePool(int pool, qint64 budget)
{
    int work = int(std::min<qint64>(budget, std::numeric_limits<int>::max()));
    bool improved = false;
    const int limit = 20000;
    for (int iteration = 0; iteration < limit && work >= 0; ++iteration) {
        if (m_cancelled && iteration % 16 == 0 && m_cancelled()) {
            return improved;
        }
        const PoolView v = view(pool);
        // The people furthest from their share first: only a move involving one of those who
        // set the largest deviation can lower it.
        QList<int> order;
        for (int i = 0; i < v.members.size(); ++i) {
            order.append(i);
        }
        std::stable_sort(order.begin(), order.end(), [&v](int a, int b) {
            return std::abs(v.deviation[size_t(a)]) > std::abs(v.deviation[size_t(b)]) + Epsilon;
        });
        bool moved = false;
        for (int x : std::as_const(order)) {
            if (std::abs(v.deviation[size_t(x)]) < Epsilon) {
                break;
            }
            const QList<Candidate> list = candidates(v, x);
            int tried = 0;
            for (const Candidate &candidate : list) {
                if (++tried > CandidatesPerPerson || work < 0) {
                    break;
                }
                Move move;
                if (realize(v, candidate, work, &move)) {
                    explain(v, candidate, move);
                    moved = true;
                    break;
                }
            }
            if (moved || work < 0) {
                break;
            }
        }
        if (!moved) {
            break;
        }
        improved = true;
    }
    return improved;
}

void LocalSearch::improveFairness()
{
    const QList<int> list = pools();
    // The work is shared out by seats: a big pool gets more, a small one still enough to finish.
    QHash<int, int> seats;
    int total = 0;
    for (int pool : list) {
        seats.insert(pool, int(m_poolSeats.value(pool).size()));
        total += seats.value(pool);
    }
    const double budget = 100000.0 + 10.0 * total;
    for (int pool : list) {
        if (m_cancelled && m_cancelled()) {
            return;
        }
        const qint64 share = qint64(budget * seats.value(pool) / std::max(1, total));
        improvePool(pool, share);
        if (isSmall(pool)) {
            solveExactly(pool);
            improvePool(pool, share);
        }
        m_reached.insert(pool, view(pool).score.maxDeviation);
    }
}

bool LocalSearch::isSmall(int pool) const
{
    const qsizetype seats = m_poolSeats.value(pool).size();
    return seats > 0 && seats <= ExactSeats && m_book.poolMembers(pool).size() <= ExactPeople;
}

PoolSolver::Input LocalSearch::relaxedInput(const PoolView &v)
{
    const int n = int(v.timeline.size());
    // The relaxation: every movable seat of every pool empty, so that only facts (leave, fixed
    // and past shifts, other rotations) and this pool's own seats constrain it; no pairing rules.
    const Snapshot before = snapshot();
    for (int slot : std::as_const(m_order)) {
        m_book.unassign(slot, Seat::Dev);
        m_book.unassign(slot, Seat::Ops);
    }
    PoolSolver::Input input;
    input.floor = v.fixedMax;
    input.nodeLimit = ExactNodes;
    for (int p = 0; p < v.members.size(); ++p) {
        const int person = v.members.at(p);
        input.need.push_back(m_book.target(person, v.pool) - m_book.load(person, v.pool));
    }
    for (int i = 0; i < n; ++i) {
        const SeatRef &s = v.timeline[size_t(i)];
        input.weight.push_back(m_book.slotWeight(s.slot));
        input.start.push_back(v.holder[size_t(i)]);
        std::vector<int> eligible;
        for (int p = 0; p < v.members.size(); ++p) {
            ++m_checks;
            if (!m_book.breaks(s.slot, s.seat, v.members.at(p), -1)) {
                eligible.push_back(p);
            }
        }
        input.eligible.push_back(eligible);
        // Earlier seats one person cannot also hold (rest, overlap): asked of a person booked
        // there alone. Where that person's own other shifts blur the answer, the pair counts
        // as compatible: fewer clashes keep the bound valid.
        std::vector<int> clashes;
        const qint64 start = m_book.slot(s.slot).start.toSecsSinceEpoch();
        for (int j = i - 1; j >= 0; --j) {
            const SeatRef &o = v.timeline[size_t(j)];
            if (start - m_book.slot(o.slot).end.toSecsSinceEpoch() > 40 * 24 * 3600) {
                break;
            }
            for (int person : v.members) {
                m_book.assign(o.slot, o.seat, person);
                const QList<QPair<int, Seat>> conflicts = m_book.timingConflicts(s.slot, s.seat, person);
                m_book.unassign(o.slot, o.seat);
                if (conflicts.size() == 1 && conflicts.first() == qMakePair(o.slot, o.seat)) {
                    clashes.push_back(j);
                }
                if (conflicts.size() <= 1) {
                    break;
                }
            }
        }
        input.conflicts.push_back(clashes);
    }
    restore(before);
    return input;
}

bool LocalSearch::install(const PoolView &v, const std::vector<int> &assignment, const QString &why)
{
    Move move;
    for (int i = 0; i < int(v.timeline.size()); ++i) {
        const int now = v.holder[size_t(i)];
        const int next = assignment[size_t(i)];
        if (now != next) {
            const SeatRef &s = v.timeline[size_t(i)];
            move.append(Change{s.slot, s.seat, m_book.occupant(s.slot, s.seat), next >= 0 ? v.members.at(next) : -1});
        }
    }
    if (move.isEmpty() || !apply(move)) {
        return false;
    }
    for (const Change &c : move) {
        if (c.to < 0) {
            continue;
        }
        const int pool = v.pool;
        m_reasons[int(c.seat)][c.slot] =
            c.to == previousOf(c.slot, c.seat)
                ? tr("%1: kept from the current plan (load %2, fair share %3)")
                      .arg(m_book.name(c.to), load(m_book.load(c.to, pool)), load(m_book.target(c.to, pool)))
                : why.arg(m_book.name(c.to));
    }
    return true;
}

void LocalSearch::solveExactly(int pool)
{
    const PoolView v = view(pool);
    const int n = int(v.timeline.size());
    if (n == 0 || v.members.isEmpty()) {
        return;
    }
    const PoolSolver::Input input = relaxedInput(v);
    const PoolSolver::Result result = PoolSolver::solve(input);
    qCDebug(lcPlanner,
            "exact pool %d: %d seats, %d people, %lld nodes, complete %d, gaps %d, z %.4f, bound %.4f, "
            "local search %.4f",
            pool, n, int(v.members.size()), result.nodes, int(result.complete), result.gaps, result.maxDeviation,
            result.bound, v.score.maxDeviation);
    PoolBound bound;
    bound.known = true;
    bound.exact = result.complete;
    bound.bound = result.bound;
    bound.fewestGaps = result.fewestGaps;
    m_bounds.insert(pool, bound);
    if (int(result.assignment.size()) != n || result.assignment == input.start) {
        return;
    }
    // The solver's plan, where it keeps every rule (pairing rules and other pools included).
    install(v, result.assignment, tr("%1: the fairest plan the exact search found for the pool gives them this shift"));
}

void LocalSearch::exactChurn(int pool, double ceiling)
{
    const PoolView v = view(pool);
    if (v.timeline.empty() || v.members.isEmpty()) {
        return;
    }
    PoolSolver::Input input = relaxedInput(v);
    input.ceiling = ceiling;
    for (const SeatRef &s : v.timeline) {
        const int before = previousOf(s.slot, s.seat);
        input.previous.push_back(before < 0 ? before : v.memberIndex.value(before, -3));
    }
    const PoolSolver::Result result = PoolSolver::solve(input);
    qCDebug(lcPlanner,
            "fewest changes pool %d: ceiling %.4f, %lld nodes, complete %d, gaps %d, changes %d, z %.4f "
            "(fairest plan: %d changed)",
            pool, ceiling, result.nodes, int(result.complete), result.gaps, result.changes, result.maxDeviation,
            changedSeats());
    if (int(result.assignment.size()) == int(v.timeline.size()) &&
        !install(v, result.assignment, tr("%1: takes the seat with the fewest changes to the current plan")) &&
        result.assignment != v.holder) {
        qCDebug(lcPlanner, "fewest changes pool %d: the answer breaks a rule of the whole plan, not taken", pool);
    }
}

// --- Churn ------------------------------------------------------------------------------------

LocalSearch::Snapshot LocalSearch::snapshot() const
{
    Snapshot result;
    result.seats.reserve(size_t(m_order.size()));
    for (int slot : m_order) {
        result.seats.push_back({m_book.occupant(slot, Seat::Dev), m_book.occupant(slot, Seat::Ops)});
    }
    result.reasons = m_reasons;
    return result;
}

void LocalSearch::restore(const Snapshot &snapshot)
{
    // Both were valid schedules: everyone leaves, then the snapshot's people sit down again.
    for (int slot : std::as_const(m_order)) {
        m_book.unassign(slot, Seat::Dev);
        m_book.unassign(slot, Seat::Ops);
    }
    for (int i = 0; i < m_order.size(); ++i) {
        for (Seat seat : {Seat::Dev, Seat::Ops}) {
            const int person = snapshot.seats[size_t(i)][int(seat)];
            if (person >= 0) {
                m_book.assign(m_order.at(i), seat, person);
            }
        }
    }
    m_reasons = snapshot.reasons;
}

double LocalSearch::tolerance(int pool) const
{
    // "Equally fair" is within the keep tolerance of the best reached, in shifts of the pool's
    // mean weight (half a shift by default).
    const std::vector<SeatRef> seats = m_poolSeats.value(pool);
    double weights = 0;
    for (const SeatRef &s : seats) {
        weights += m_book.slotWeight(s.slot);
    }
    return m_keepTolerance * (seats.empty() ? 1.0 : weights / double(seats.size()));
}

void LocalSearch::reduceChurn(const Snapshot &start)
{
    if (m_previous.isEmpty()) {
        return;
    }
    const bool fewest = m_replan == PlanRequest::Replan::FewestChanges;
    QHash<int, double> ceiling;
    for (int pool : pools()) {
        ceiling.insert(pool, fewest ? std::numeric_limits<double>::infinity()
                                    : m_reached.value(pool, view(pool).score.maxDeviation) + tolerance(pool));
    }
    reduceChurnBelow(ceiling, start);
    // Only where the new facts forced a change: planning again changes nothing.
    if (fewest && changedSeats() > 0 && !(m_cancelled && m_cancelled())) {
        giveLoadBack();
    }
}

void LocalSearch::reduceChurnBelow(const QHash<int, double> &ceiling, const Snapshot &start)
{
    const QList<int> list = pools();
    auto giveBack = [&] {
        for (int pool : list) {
            for (int round = 0; round < 10000 && revertSome(pool, ceiling.value(pool)); ++round) {
                if (m_cancelled && round % 16 == 0 && m_cancelled()) {
                    return;
                }
            }
        }
    };
    // Small pools: the fewest changes within the tolerance, searched exactly.
    bool allSmall = true;
    for (int pool : list) {
        if (isSmall(pool)) {
            exactChurn(pool, ceiling.value(pool));
        } else {
            allSmall = false;
        }
    }
    // From the fairest plan found, seats given back.
    giveBack();
    if (allSmall) {
        return;
    }
    const int fromFairest = changedSeats();
    if (fromFairest == 0 || (m_cancelled && m_cancelled())) {
        return;
    }
    const Snapshot fairest = snapshot();
    // From the current plan, the fewest changes that reach the same fairness.
    restore(start);
    int budget = 200000 + 20 * int(m_order.size());
    bool reached = true;
    for (int pool : list) {
        reached = reached && fewestChanges(pool, ceiling.value(pool), budget);
    }
    if (reached) {
        giveBack();
    }
    if (!reached || changedSeats() >= fromFairest || (m_cancelled && m_cancelled())) {
        restore(fairest);
    }
}

bool LocalSearch::giveLoadBack()
{
    // The fewest changes may leave someone well above or below their share: one kept seat handed
    // over, from the one furthest from it or to them, where the pool is more than the keep
    // tolerance off the fairest plan found and the move lowers its largest deviation. The largest
    // gain over all pools, in shifts of the pool's mean weight, wins.
    struct Best
    {
        Move move;
        double gain = 0;
        int pool = -1;
        double deviation = 0; ///< of the one furthest from their share, before the move
    };
    Best best;
    for (int pool : pools()) {
        const PoolView v = view(pool);
        // A pool within the keep tolerance of the fairest plan found needs nothing given back.
        if (v.top.empty() || v.timeline.empty() ||
            v.score.maxDeviation <= m_reached.value(pool, v.score.maxDeviation) + tolerance(pool) + Epsilon) {
            continue;
        }
        double weights = 0;
        for (const SeatRef &s : v.timeline) {
            weights += m_book.slotWeight(s.slot);
        }
        const double mean = weights / double(v.timeline.size());
        const int x = v.top.front();
        const bool gives = v.deviation[size_t(x)] > 0;
        struct Option
        {
            int seat = -1; ///< timeline index
            int to = -1;   ///< member index
            Score after;
        };
        std::vector<Option> options;
        for (int t = 0; t < int(v.timeline.size()); ++t) {
            const SeatRef &s = v.timeline[size_t(t)];
            const int holder = v.holder[size_t(t)];
            if (holder < 0 || (gives && holder != x) || (!gives && holder == x) ||
                m_book.occupant(s.slot, s.seat) != previousOf(s.slot, s.seat)) {
                continue; // not the right holder, or already changed (moving it would not add one)
            }
            const double w = m_book.slotWeight(s.slot);
            for (int to = 0; to < int(v.members.size()); ++to) {
                if (to == holder || (!gives && to != x)) {
                    continue;
                }
                const Score after = scoreWith(v, {{holder, -w}, {to, w}});
                if ((v.score.maxDeviation - after.maxDeviation) / mean > best.gain + Epsilon) {
                    options.push_back(Option{t, to, after});
                }
            }
        }
        // key(), not betterThan(): a sort needs a strict weak order.
        std::stable_sort(options.begin(), options.end(), [](const Option &a, const Option &b) {
            return key(a.after.maxDeviation, a.after.sumSquares) < key(b.after.maxDeviation, b.after.sumSquares);
        });
        int tried = 0;
        for (const Option &option : options) {
            if (++tried > TriesPerCandidate * 4) {
                break;
            }
            const SeatRef &s = v.timeline[size_t(option.seat)];
            const int from = v.members.at(v.holder[size_t(option.seat)]);
            const Move move{Change{s.slot, s.seat, from, v.members.at(option.to)}};
            if (apply(move)) {
                undo(move);
                best =
                    Best{move, (v.score.maxDeviation - option.after.maxDeviation) / mean, pool, v.deviation[size_t(x)]};
                break;
            }
        }
    }
    if (best.pool < 0 || !apply(best.move)) {
        return false;
    }
    const Change &c = best.move.front();
    m_reasons[int(c.seat)][c.slot] =
        best.deviation > 0 ? tr("%1: takes over from %2 to even out the load (%2 was %3 above fair share)")
                                 .arg(m_book.name(c.to), shortName(m_book.name(c.from)), load(best.deviation))
                           : tr("%1: takes over from %2 to even out the load (%1 was %3 below fair share)")
                                 .arg(m_book.name(c.to), shortName(m_book.name(c.from)), load(-best.deviation));
    return true;
}

bool LocalSearch::fewestChanges(int pool, double ceiling, int &budget)
{
    for (int round = 0; round < 1000; ++round) {
        const PoolView v = view(pool);
        if (v.score.maxDeviation <= ceiling + Epsilon) {
            return true;
        }
        if (budget < 0 || (m_cancelled && m_cancelled())) {
            return false;
        }
        // Every improving move of those above the ceiling, each in its least-changing form; the
        // one that changes fewest seats wins, the fairer one among equals.
        struct Best
        {
            Move move;
            Candidate candidate;
            int churn = std::numeric_limits<int>::max();
            Score after;
        };
        Best best;
        for (int x = 0; x < v.members.size(); ++x) {
            if (std::abs(v.deviation[size_t(x)]) <= ceiling + Epsilon) {
                continue;
            }
            const QList<Candidate> list = candidates(v, x);
            int tried = 0;
            for (const Candidate &candidate : list) {
                if (++tried > CandidatesPerPerson || budget < 0) {
                    break;
                }
                Move move;
                if (!realize(v, candidate, budget, &move, true)) {
                    continue;
                }
                undo(move);
                const int churn = churnOf(move);
                if (churn < best.churn || (churn == best.churn && candidate.after.betterThan(best.after))) {
                    best = Best{move, candidate, churn, candidate.after};
                }
            }
        }
        if (best.churn == std::numeric_limits<int>::max() || !apply(best.move)) {
            return false;
        }
        explain(v, best.candidate, best.move);
    }
    return false;
}

bool LocalSearch::revertSome(int pool, double ceiling)
{
    const PoolView v = view(pool);
    auto within = [&](const Move &move) {
        QVarLengthArray<std::pair<int, double>, 4> delta;
        for (const Change &c : move) {
            const double w = m_book.slotWeight(c.slot);
            for (const auto &[person, sign] : {std::pair{c.from, -1.0}, std::pair{c.to, 1.0}}) {
                const int member = v.memberIndex.value(person, -1);
                if (member < 0) {
                    continue;
                }
                auto it = std::find_if(delta.begin(), delta.end(),
                                       [member](const std::pair<int, double> &d) { return d.first == member; });
                if (it == delta.end()) {
                    if (delta.size() == 4) {
                        return false;
                    }
                    delta.append({member, sign * w});
                } else {
                    it->second += sign * w;
                }
            }
        }
        return scoreWith(v, delta).maxDeviation <= ceiling + Epsilon;
    };
    auto tryMove = [&](const Move &move) {
        // Never a seat emptied: a re-plan has no more gaps than the search left.
        const bool empties = std::any_of(move.cbegin(), move.cend(), [](const Change &c) { return c.to < 0; });
        if (empties || churnOf(move) >= 0 || !within(move) || !apply(move)) {
            return false;
        }
        for (const Change &c : move) {
            m_reasons[int(c.seat)][c.slot] =
                c.to == previousOf(c.slot, c.seat)
                    ? tr("%1: kept from the current plan (load %2, fair share %3)")
                          .arg(m_book.name(c.to), load(m_book.load(c.to, pool)), load(m_book.target(c.to, pool)))
                : c.from >= 0 ? tr("%1: takes the seat so that %2 keeps the shift from the current plan")
                                    .arg(m_book.name(c.to), shortName(m_book.name(c.from)))
                              : tr("%1: free after the plan was rearranged").arg(m_book.name(c.to));
        }
        return true;
    };

    for (int t = 0; t < int(v.timeline.size()); ++t) {
        const SeatRef &s = v.timeline[size_t(t)];
        const int before = previousOf(s.slot, s.seat);
        const int now = m_book.occupant(s.slot, s.seat);
        if (before < 0 || now == before || !v.memberIndex.contains(before)) {
            continue;
        }
        const int member = v.memberIndex.value(before);
        // Both seats of an exchange back at once.
        for (const auto &byClass : v.seats[size_t(member)]) {
            for (int u : byClass) {
                const SeatRef &o = v.timeline[size_t(u)];
                if (previousOf(o.slot, o.seat) == now &&
                    tryMove(Move{Change{s.slot, s.seat, now, before}, Change{o.slot, o.seat, before, now}})) {
                    return true;
                }
            }
        }
        // The seat alone back.
        if (tryMove(Move{Change{s.slot, s.seat, now, before}})) {
            return true;
        }
        // The seat back, and the neighbouring seats that keep its former holder from it to
        // whoever holds this one now.
        const QList<QPair<int, Seat>> conflicts = m_book.timingConflicts(s.slot, s.seat, before);
        if (!conflicts.isEmpty() && conflicts.size() <= 2 && now >= 0) {
            Move move{Change{s.slot, s.seat, now, before}};
            bool movable = true;
            for (const auto &[other, otherSeat] : conflicts) {
                movable = movable && isMovable(other) && m_book.poolOf(other, otherSeat) == pool;
                move.append(Change{other, otherSeat, before, now});
            }
            if (movable && tryMove(move)) {
                return true;
            }
        }
        // A run of changed seats back at once (a Kempe swap undone).
        Move run;
        for (int u = t; u < int(v.timeline.size()) && run.size() < KempeLength; ++u) {
            const SeatRef &o = v.timeline[size_t(u)];
            const int was = previousOf(o.slot, o.seat);
            const int is = m_book.occupant(o.slot, o.seat);
            if (was < 0 || was == is) {
                continue;
            }
            run.append(Change{o.slot, o.seat, is, was});
            if (run.size() >= 2 && tryMove(run)) {
                return true;
            }
        }
    }
    return false;
}

// --- Variety ----------------------------------------------------------------------------------

void LocalSearch::improveVariety(std::mt19937_64 &rng)
{
    // Seats of equal weight in one pool change hands between slots: loads stay, partners change.
    // Accepted when the objective improves (the most repeated pair less often, more distinct
    // pairs). Two-way swaps and three-way rotations, of the developer and the ops seat.
    QList<int> movable;
    for (int slot : std::as_const(m_order)) {
        if (!m_previous.contains(slot) && m_book.occupant(slot, Seat::Dev) >= 0 &&
            m_book.occupant(slot, Seat::Ops) >= 0) {
            movable.append(slot);
        }
    }
    if (movable.size() < 2) {
        return;
    }
    std::uniform_int_distribution<qsizetype> pick(0, movable.size() - 1);
    const int tries = std::min<int>(20000, 40 * int(movable.size()));
    Objective current = m_book.objective();
    for (int attempt = 0; attempt < tries; ++attempt) {
        if (attempt % 512 == 0 && m_cancelled && m_cancelled()) {
            return;
        }
        const Seat seat = (rng() & 1) ? Seat::Ops : Seat::Dev;
        const bool rotate = rng() % 4 == 0;
        const int a = movable.at(pick(rng));
        const int b = movable.at(pick(rng));
        const int c = rotate ? movable.at(pick(rng)) : -1;
        if (a == b || a == c || b == c) {
            continue;
        }
        const int pool = m_book.poolOf(a, seat);
        bool same = m_book.poolOf(b, seat) == pool && std::abs(m_book.slotWeight(a) - m_book.slotWeight(b)) < Epsilon;
        if (rotate) {
            same = same && m_book.poolOf(c, seat) == pool &&
                   std::abs(m_book.slotWeight(a) - m_book.slotWeight(c)) < Epsilon;
        }
        const int pa = m_book.occupant(a, seat);
        const int pb = m_book.occupant(b, seat);
        const int pc = rotate ? m_book.occupant(c, seat) : -1;
        if (!same || pa == pb || (rotate && (pa == pc || pb == pc))) {
            continue;
        }
        const Move move = rotate ? Move{Change{a, seat, pa, pb}, Change{b, seat, pb, pc}, Change{c, seat, pc, pa}}
                                 : Move{Change{a, seat, pa, pb}, Change{b, seat, pb, pa}};
        if (!apply(move)) {
            continue;
        }
        const Objective after = m_book.objective();
        if (after.betterThan(current)) {
            current = after;
            continue;
        }
        undo(move);
    }
}

} // namespace Tandem::Planner
