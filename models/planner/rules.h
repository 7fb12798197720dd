#pragma once

#include "planner.h"
#include "windowcut.h"

#include <QMap>
#include <QTimeZone>

#include <memory>
#include <optional>
#include <vector>

namespace Tandem::Planner {

/// The hard rules a seat assignment can break.
enum class RuleKind {
    Access,        ///< the ops seat needs production access; inactive or removed people
    Leave,         ///< the person is on leave during the shift
    Rest,          ///< too little rest before or after another shift of theirs
    DoubleBooking, ///< already on call elsewhere at the same time (beyond ops concurrency)
    MaxShifts,     ///< more than the rotation's maximum in 28 days
    PairRule,      ///< same pair twice in a row, a new developer without a senior ops, a forbidden pair
    Team,          ///< the developer seat needs a developer of the rotation's team
};

/// Why a person cannot take a seat.
struct Violation
{
    RuleKind kind = RuleKind::Access;
    QString shortText; ///< "Bob on leave"
    QString text;      ///< "Bob is on leave 24–26 Dec"
};

/// The developer seat of `rotation` draws from the rotation's team: `person` must be one of its
/// developers. A lead who borrows a developer from another team adds them to this team on the
/// roster (a person may belong to several), which the change log records. Needs no RuleBook, so
/// that code holding only a rotation and a person (sync applying a server's shift) can ask too.
std::optional<Violation> checkDeveloperSeat(const Rotation &rotation, const Person &person);

/// Weighted load of time on call in a rotation's zone: per local day its weekday, weekend or
/// holiday weight, and the night factor for night hours. Day boundaries are cached.
class DayWeights
{
public:
    explicit DayWeights(const Rotation &rotation);

    struct Figures
    {
        double weight = 0;
        bool weekend = false;
        bool holiday = false;
        bool night = false;
    };
    Figures weight(qint64 start, qint64 end, const QSet<QDate> &holidays) const;

private:
    qint64 midnight(QDate date) const;

    QTimeZone m_zone;
    RotationRules m_rules;
    mutable QHash<qint64, qint64> m_midnights; // julian day -> UTC seconds of local midnight
};

/// The schedule the planner works on and the rules over it: slots of the horizon, history,
/// who sits where, loads and fair shares per pool, pair counts. The planner and the calendar's
/// drop check ask the same `check()`: one implementation of each rule.
class RuleBook
{
public:
    explicit RuleBook(const PlanRequest &request);
    ~RuleBook();

    // People.
    int personIndex(PersonId id) const { return id.isNull() ? -1 : m_personIndex.value(id, -1); }
    PersonId personId(int person) const { return person < 0 ? PersonId() : m_people.at(person).person.id; }
    QString name(int person) const { return m_people.at(person).person.name; }

    // Slots.
    int addSlot(const Slot &slot, ShiftId id);
    /// Adds shifts as they are (history, or a whole plan to summarize) with their people.
    void addExisting(const QList<Shift> &shifts);
    const Slot &slot(int index) const { return m_slots.at(index).slot; }
    ShiftId shiftId(int index) const { return m_slots.at(index).id; }
    double slotWeight(int index) const { return m_slots.at(index).weight; }
    qint64 horizonStart() const { return m_horizonStart; }
    qint64 horizonEnd() const { return m_horizonEnd; }
    /// Past, locked, or published inside the rotation's freeze window.
    bool isFixed(const Shift &shift) const;
    void markFixed(int slot) { m_slots[slot].fixed = true; }
    bool isFixedSlot(int slot) const { return m_slots.at(slot).fixed; }

    /// Fair shares per pool, from capacity and availability over every slot added so far.
    void computeTargets();

    // Seats.
    const QList<int> &candidates(int slot, Seat seat) const;
    int occupant(int slot, Seat seat) const { return m_slots.at(slot).seat[int(seat)]; }
    /// The first hard rule `person` would break in `slot`'s seat (`partner` in the other seat,
    /// -1 for none). Ignores whoever sits there now.
    std::optional<Violation> check(int slot, Seat seat, int person, int partner) const;
    /// As check(), without the texts: which rule, for a search that asks millions of times.
    std::optional<RuleKind> breaks(int slot, Seat seat, int person, int partner) const;
    /// The person's own seats that stand in the way of `slot` by the rest or double-booking
    /// rule: what would have to move for them to take it.
    QList<QPair<int, Seat>> timingConflicts(int slot, Seat seat, int person) const;
    void assign(int slot, Seat seat, int person);
    void unassign(int slot, Seat seat);
    /// The person's seats in slots of the schedule, in time order.
    QList<QPair<int, Seat>> seatsOf(int person) const;
    int pairCount(int dev, int ops) const { return m_pairs.value({dev, ops}); }
    qint64 secondsSinceLast(int person, int slot) const;

    // Fairness.
    /// Pool of a seat of a slot.
    int poolOf(int slot, Seat seat) const;
    double load(int person) const;   ///< total weighted load over all pools
    double target(int person) const; ///< total fair share over all pools
    double load(int person, int pool) const;
    double target(int person, int pool) const;
    double deviation(int person, int pool) const { return load(person, pool) - target(person, pool); }
    /// Share of the pool's weight that lies at or before `slot`: how much of the fair share is due by then.
    double progressAt(int slot, Seat seat) const;
    double poolMeanLoad(int pool) const;
    /// (person, pool) entries, most overloaded first.
    QList<QPair<int, int>> entriesByDeviation() const;
    const QList<int> &poolMembers(int pool) const;

    Objective objective() const;
    /// Objective after moving the seat of `slot` from `from` to `to` (fairness parts only).
    Objective objectiveAfterMove(int slot, Seat seat, int from, int to) const;
    FairnessSummary summary() const;

private:
    struct Booking
    {
        qint64 start = 0;
        qint64 end = 0;
        int slot = -1;
        Seat seat = Seat::Dev;
    };

    struct PersonState
    {
        Person person;
        QTimeZone zone;
        QList<QPair<qint64, qint64>> leave; // UTC [from, to), sorted
        std::vector<Booking> bookings;      // sorted by start
        QHash<int, int> entry;              // pool -> entry index
    };

    struct SlotState
    {
        Slot slot;
        ShiftId id;
        double weight = 0;
        bool weekend = false;
        bool holiday = false;
        bool night = false;
        bool fixed = false;
        bool counts = true;    // inside the fairness window of a planned rotation
        qint64 stintStart = 0; // the rotation's slot this one is (a piece of): see stintOf()
        qint64 stintEnd = 0;
        int rotation = -1; // index in the request's rotations, -1 for others
        int pool[2] = {-1, -1};
        int seat[2] = {-1, -1};
    };

    struct PoolState
    {
        QString key;
        QString name;
        Role role = Role::Developer;
        QList<int> members;
        double totalWeight = 0;
        std::vector<std::pair<qint64, double>> cumulative; // slot start -> weight up to and including it
    };

    struct Entry
    {
        int person = -1;
        int pool = -1;
        double load = 0;   ///< weighted load carried in this pool
        double target = 0; ///< fair share in this pool
    };

    std::optional<Violation> test(int slot, Seat seat, int person, int partner, bool texts) const;
    std::optional<Violation> checkPairRules(int slot, int dev, int ops, bool texts) const;
    bool onLeave(int person, qint64 start, qint64 end, QString *when) const;
    void book(int person, const Booking &booking);
    void unbook(int person, int slot);
    const Rotation *rotation(RotationId id) const;
    /// The slot of planned rotation `rotation` (generateSlots) that holds [start, end): the stint
    /// its pieces inside the hour windows belong to. Pieces of one stint are one shift for the
    /// rest rule, the 4-week cap and "never the same pair twice in a row". [start, end) itself for
    /// a rotation without windows or when no slot holds it.
    QPair<qint64, qint64> stintOf(int rotation, qint64 start, qint64 end) const;
    /// For slots `a` and `b` whose spans overlap: -1 when they hold on-call time at the same moment
    /// (their pieces inside the hour windows overlap; always, for rotations without windows), else
    /// the shortest gap in seconds between their pieces (the rest between them).
    qint64 pieceGap(int a, int b) const;
    /// Whether slots `a` and `b` are pieces of one stint of one rotation.
    bool sameStint(int a, int b) const;
    int poolIndex(const QString &key, const QString &name, Role role);

    const PlanRequest &m_request;
    qint64 m_now = 0;
    qint64 m_horizonStart = 0;
    qint64 m_horizonEnd = 0;
    QHash<PersonId, int> m_personIndex;
    std::vector<PersonState> m_people;
    std::vector<SlotState> m_slots;
    std::vector<PoolState> m_pools;
    std::vector<Entry> m_entries; ///< one per (person, pool): load and fair share
    QHash<QString, int> m_poolByKey;
    QHash<RotationId, int> m_rotationIndex;
    std::vector<std::unique_ptr<DayWeights>> m_weights; // per planned rotation
    std::vector<std::unique_ptr<WindowCut>> m_cuts;     // per planned rotation: its hour windows
    mutable std::vector<QMap<qint64, qint64>> m_stints; // per planned rotation: stints found, start -> end
    QHash<RotationId, QPair<int, int>> m_rotationPools; // rotation -> (dev pool, ops pool)
    QHash<TeamId, QSet<QDate>> m_holidays;
    QHash<QPair<int, int>, int> m_pairs;
    QList<int> m_empty;
};

} // namespace Tandem::Planner
