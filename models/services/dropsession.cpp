#include "dropsession.h"

#include "planner/rules.h"
#include "planservice.h"
#include "store/database.h"
#include "store/shiftrepository.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::DropSession", text);
}

QString number(double value)
{
    return QString::number(value, 'f', 1);
}

} // namespace

DropSession::DropSession(Database &db, QList<RotationId> rotations, QDate from, QDate to)
    : m_db(db), m_rotations(std::move(rotations)), m_from(from), m_to(to)
{
    // Whatever is committed (this user's edit, an undo, a sync) may change rules or loads.
    m_connection = QObject::connect(&m_db, &Database::committed, &m_db, [this] { m_stale = true; });
}

DropSession::~DropSession()
{
    QObject::disconnect(m_connection);
}

Result<std::unique_ptr<DropSession>> DropSession::create(Database &db, const QList<RotationId> &rotations, QDate from,
                                                         QDate to)
{
    std::unique_ptr<DropSession> session(new DropSession(db, rotations, from, to));
    if (auto status = session->build(); !status) {
        return status.error();
    }
    return session;
}

Status DropSession::build()
{
    auto request = PlanService(m_db).request(m_rotations, m_from, m_to);
    if (!request) {
        return request.error();
    }
    m_book.reset();
    m_request = std::make_unique<Planner::PlanRequest>(std::move(request).value());
    // Every shift of the window becomes a slot, in order, so slot i is m_shifts[i].
    m_shifts = m_request->existing;
    m_request->existing.clear();
    m_book = std::make_unique<Planner::RuleBook>(*m_request);
    m_book->addExisting(m_shifts);
    // Fair shares for the soft rule (someone carrying more than a shift above theirs).
    m_book->computeTargets();
    m_slotOf.clear();
    m_movedSlots.clear();
    for (int i = 0; i < m_shifts.size(); ++i) {
        m_slotOf.insert(m_shifts.at(i).id, i);
    }
    m_stale = false;
    return {};
}

Status DropSession::ensure(const QList<ShiftId> &ids)
{
    bool widen = false;
    for (const ShiftId &id : ids) {
        const int slot = m_slotOf.value(id, -1);
        if (slot >= 0 && m_rotations.contains(m_shifts.at(slot).rotationId)) {
            continue;
        }
        // A target outside the window or of another rotation: take it in (one slow hover).
        auto found = ShiftRepository(m_db).find(id);
        if (!found) {
            return found.error();
        }
        if (!found.value()) {
            return Error{tr("The shift is no longer in the database.")};
        }
        const Shift &s = *found.value();
        if (!m_rotations.contains(s.rotationId)) {
            m_rotations.append(s.rotationId);
        }
        m_from = std::min(m_from, s.start.date().addDays(-1));
        m_to = std::max(m_to, s.end.date().addDays(1));
        widen = true;
    }
    if (widen || m_stale) {
        return build();
    }
    return {};
}

std::optional<Shift> DropSession::shift(ShiftId id) const
{
    const int slot = m_slotOf.value(id, -1);
    return slot < 0 ? std::nullopt : std::optional<Shift>(m_shifts.at(slot));
}

int DropSession::slotFor(const Shift &shift)
{
    const int slot = m_slotOf.value(shift.id, -1);
    if (slot >= 0 && m_shifts.at(slot).start == shift.start && m_shifts.at(slot).end == shift.end) {
        return slot;
    }
    // The same shift at other times (a handoff being moved): a slot of its own, kept empty
    // between hovers and reused when the pointer comes back to the same boundary.
    const QString key =
        u"%1 %2 %3"_s.arg(shift.id.toString()).arg(shift.start.toSecsSinceEpoch()).arg(shift.end.toSecsSinceEpoch());
    auto it = m_movedSlots.constFind(key);
    if (it != m_movedSlots.constEnd()) {
        return *it;
    }
    const int added = m_book->addSlot(Planner::Slot{shift.rotationId, shift.start, shift.end}, shift.id);
    m_movedSlots.insert(key, added);
    return added;
}

Result<QList<SeatProblem>> DropSession::problems()
{
    return findProblems(nullptr);
}

Result<QList<SeatProblem>> DropSession::problems(const QSet<ShiftId> &only)
{
    return findProblems(&only);
}

Result<QList<SeatProblem>> DropSession::findProblems(const QSet<ShiftId> *wanted)
{
    if (m_stale) {
        if (auto status = build(); !status) {
            return status.error();
        }
    }
    QList<SeatProblem> result;
    for (int slot = 0; slot < m_shifts.size(); ++slot) {
        const Shift &s = m_shifts.at(slot);
        if (!m_rotations.contains(s.rotationId) || s.end.date() < m_from || s.start.date() > m_to ||
            (wanted && !wanted->contains(s.id))) {
            continue;
        }
        for (Seat seat : {Seat::Dev, Seat::Ops}) {
            const PersonId id = s.seat(seat);
            if (id.isNull()) {
                continue;
            }
            const int person = m_book->personIndex(id);
            std::optional<Planner::Violation> violation;
            if (person < 0) {
                violation = Planner::Violation{Planner::RuleKind::Access, tr("not on the roster"),
                                               tr("This person is not on the roster.")};
            } else {
                // check() ignores the seat's own booking, so the occupant is judged as if placed anew.
                const Seat other = seat == Seat::Dev ? Seat::Ops : Seat::Dev;
                violation = m_book->check(slot, seat, person, m_book->personIndex(s.seat(other)));
            }
            if (violation) {
                result.append(SeatProblem{s.id, seat, id, violation->shortText, violation->text});
                continue;
            }
            // Soft: the occupant carries more than this shift's weight above their fair share.
            const int pool = m_book->poolOf(slot, seat);
            const double over = pool >= 0 ? m_book->deviation(person, pool) : 0.0;
            if (over > m_book->slotWeight(slot) + 1e-9) {
                const QString name = m_book->name(person);
                result.append(SeatProblem{s.id, seat, id, tr("%1 above fair share").arg(name.section(u' ', 0, 0)),
                                          tr("%1 carries %2 weighted days more than their fair share.")
                                              .arg(name, QString::number(over, 'f', 1)),
                                          true});
            }
        }
    }
    return result;
}

std::optional<QSet<ShiftId>> DropSession::apply(const ShiftEdit &edits)
{
    if (m_stale) {
        return std::nullopt;
    }
    auto sameSeats = [](const Shift &a, const Shift &b) {
        return a.rotationId == b.rotationId && a.start == b.start && a.end == b.end && a.dev == b.dev && a.ops == b.ops;
    };
    QSet<int> people;
    QList<int> edited;
    for (const ShiftChange &change : edits) {
        const int slot = m_slotOf.value(change.after.id, -1);
        if (change.before.id.isNull() || change.after.id.isNull() || change.before.id != change.after.id || slot < 0 ||
            change.before.rotationId != change.after.rotationId || change.before.start != change.after.start ||
            change.before.end != change.after.end) {
            return std::nullopt;
        }
        Shift &held = m_shifts[slot];
        if (sameSeats(change.before, change.after) && sameSeats(held, change.after)) {
            held = change.after; // a note, a link, a state: no rule looks at them
            continue;
        }
        if (sameSeats(held, change.before) && !sameSeats(held, change.after)) {
            for (Seat seat : {Seat::Dev, Seat::Ops}) {
                m_book->unassign(slot, seat);
            }
            for (Seat seat : {Seat::Dev, Seat::Ops}) {
                if (const int person = m_book->personIndex(change.after.seat(seat)); person >= 0) {
                    m_book->assign(slot, seat, person);
                }
            }
        } else if (!sameSeats(held, change.after)) {
            return std::nullopt; // neither before nor after: the session missed an edit
        }
        held = change.after;
        edited.append(slot);
        for (const Shift *s : {&change.before, &change.after}) {
            for (Seat seat : {Seat::Dev, Seat::Ops}) {
                if (const int person = m_book->personIndex(s->seat(seat)); person >= 0) {
                    people.insert(person);
                }
            }
        }
    }
    QSet<ShiftId> touched;
    for (int slot : std::as_const(edited)) {
        touched.insert(m_shifts.at(slot).id);
        // The rotation's shift before and after it (m_shifts is in time order).
        const RotationId rotation = m_shifts.at(slot).rotationId;
        for (int step : {-1, +1}) {
            for (int other = slot + step; other >= 0 && other < m_shifts.size(); other += step) {
                if (m_shifts.at(other).rotationId == rotation) {
                    touched.insert(m_shifts.at(other).id);
                    break;
                }
            }
        }
    }
    for (int person : std::as_const(people)) {
        for (const auto &[slot, seat] : m_book->seatsOf(person)) {
            if (slot < m_shifts.size()) {
                touched.insert(m_shifts.at(slot).id);
            }
        }
    }
    return touched;
}

DropPreview DropSession::check(const ShiftEdit &edit)
{
    if (m_stale) {
        if (auto status = build(); !status) {
            return DropPreview{false, status.errorMessage(), {}, {}};
        }
    }
    struct Touched
    {
        const ShiftChange *change;
        int before;
        int after;
        int occupants[2];
    };
    QList<Touched> touched;
    for (const ShiftChange &change : edit) {
        const int before = m_slotOf.value(change.before.id, -1);
        if (before < 0) {
            return DropPreview{false, tr("The shift is outside the shown period."), {}, {}};
        }
        touched.append(
            Touched{&change, before, -1, {m_book->occupant(before, Seat::Dev), m_book->occupant(before, Seat::Ops)}});
    }
    for (Touched &t : touched) {
        t.after = slotFor(t.change->after);
    }

    // The loads the edit touches, as they stand: (person, pool) of every seat before and after.
    QList<QPair<int, int>> entries;
    auto note = [&](int person, int pool) {
        if (person >= 0 && pool >= 0 && !entries.contains(qMakePair(person, pool))) {
            entries.append({person, pool});
        }
    };
    for (const Touched &t : touched) {
        for (Seat seat : {Seat::Dev, Seat::Ops}) {
            note(t.occupants[int(seat)], m_book->poolOf(t.before, seat));
            note(m_book->personIndex(t.change->after.seat(seat)), m_book->poolOf(t.after, seat));
        }
    }
    QHash<QPair<int, int>, double> loadBefore;
    for (const auto &entry : std::as_const(entries)) {
        loadBefore.insert(entry, m_book->load(entry.first, entry.second));
    }

    // Try the edit on the RuleBook: take the seats out, put the new ones in, ask the rules.
    for (const Touched &t : touched) {
        m_book->unassign(t.before, Seat::Dev);
        m_book->unassign(t.before, Seat::Ops);
    }
    std::optional<Planner::Violation> violation;
    for (const Touched &t : touched) {
        for (Seat seat : {Seat::Dev, Seat::Ops}) {
            const PersonId id = t.change->after.seat(seat);
            const int person = m_book->personIndex(id);
            if (!id.isNull() && person < 0 && !violation) {
                violation = Planner::Violation{Planner::RuleKind::Access, tr("not on the roster"),
                                               tr("This person is not on the roster.")};
            }
            if (person >= 0) {
                m_book->assign(t.after, seat, person);
            }
        }
    }
    for (const Touched &t : touched) {
        const Shift &before = t.change->before;
        const Shift &after = t.change->after;
        const bool moved = before.start != after.start || before.end != after.end;
        for (Seat seat : {Seat::Dev, Seat::Ops}) {
            const int person = m_book->personIndex(after.seat(seat));
            if (person < 0 || violation || (!moved && after.seat(seat) == before.seat(seat))) {
                continue;
            }
            const Seat other = seat == Seat::Dev ? Seat::Ops : Seat::Dev;
            violation = m_book->check(t.after, seat, person, m_book->personIndex(after.seat(other)));
        }
    }

    // The effect on weighted loads, the figures of `tandem report fairness` (days on call
    // weighted for weekends, holidays and nights), read from the RuleBook with the edit in it.
    QList<int> order;            // people in the order the edit touches them
    QHash<int, double> delta;    // person -> weighted days gained or lost
    QHash<int, double> hours;    // person -> hours gained or lost by a moved handoff
    QHash<int, QString> figures; // person -> "load 9.0, fair share 8.0" after the edit
    QStringList warnings;        // the soft rule: more than a shift's weight above fair share
    QStringList gaps;
    for (const auto &entry : std::as_const(entries)) {
        const int person = entry.first;
        const double after = m_book->load(person, entry.second);
        const double d = after - loadBefore.value(entry);
        if (!order.contains(person)) {
            order.append(person);
        }
        delta[person] += d;
        if (d > 0) {
            figures.insert(
                person, tr("load %1, fair share %2").arg(number(after), number(m_book->target(person, entry.second))));
        }
    }
    for (const Touched &t : touched) {
        const Shift &before = t.change->before;
        const Shift &after = t.change->after;
        for (Seat seat : {Seat::Dev, Seat::Ops}) {
            const int was = t.occupants[int(seat)];
            const int is = m_book->personIndex(after.seat(seat));
            if (before.start != after.start || before.end != after.end) {
                if (was >= 0) {
                    hours[was] -= double(before.start.secsTo(before.end)) / 3600.0;
                }
                if (is >= 0) {
                    hours[is] += double(after.start.secsTo(after.end)) / 3600.0;
                    if (!order.contains(is)) {
                        order.append(is);
                    }
                }
            }
            const int pool = m_book->poolOf(t.after, seat);
            if (is >= 0 && is != was && pool >= 0) {
                const double over = m_book->deviation(is, pool);
                const QString text = tr("%1 would be %2 days above fair share").arg(m_book->name(is), number(over));
                if (over > m_book->slotWeight(t.after) + 1e-9 && !warnings.contains(text)) {
                    warnings.append(text);
                }
            }
            if (after.seat(seat).isNull() && !before.seat(seat).isNull()) {
                gaps.append(seat == Seat::Dev ? tr("developer seat empty") : tr("ops seat empty"));
            }
        }
    }

    // Put the RuleBook back as it was.
    for (const Touched &t : touched) {
        m_book->unassign(t.after, Seat::Dev);
        m_book->unassign(t.after, Seat::Ops);
    }
    for (const Touched &t : touched) {
        for (Seat seat : {Seat::Dev, Seat::Ops}) {
            if (t.occupants[int(seat)] >= 0) {
                m_book->assign(t.before, seat, t.occupants[int(seat)]);
            }
        }
    }

    QStringList parts;
    QStringList losses;
    for (int person : std::as_const(order)) {
        const QString name = m_book->name(person);
        const double d = delta.value(person);
        const double h = hours.value(person);
        const bool timeMoved = std::abs(h) >= 0.5 / 60.0;
        // Tenths of a day: what the fairness report prints.
        if (d >= 0.05) {
            const QString gain = timeMoved ? tr("%1 +%2 h, +%3 days").arg(name, number(h), number(d))
                                           : tr("%1 +%2 days").arg(name, number(d));
            parts.append(figures.contains(person) ? tr("%1 (%2)").arg(gain, figures.value(person)) : gain);
        } else if (d <= -0.05) {
            losses.append(timeMoved ? tr("%1 −%2 h, −%3 days").arg(name, number(-h), number(-d))
                                    : tr("%1 −%2 days").arg(name, number(-d)));
        } else if (timeMoved) {
            parts.append(h > 0 ? tr("%1 +%2 h").arg(name, number(h)) : tr("%1 −%2 h").arg(name, number(-h)));
        }
    }
    parts += losses;
    parts += gaps;
    if (violation) {
        parts.append(violation->shortText);
    }
    if (parts.isEmpty()) {
        parts.append(tr("no change in load"));
    }
    DropPreview result;
    result.allowed = !violation;
    result.reason = violation ? violation->text : QString();
    result.effect = parts.join(u"; "_s);
    result.warning = warnings.join(u"; "_s);
    return result;
}

DropPreview DropSession::preview(const QList<ShiftId> &ids, const std::function<Result<ShiftEdit>()> &build)
{
    if (auto status = ensure(ids); !status) {
        return DropPreview{false, status.errorMessage(), {}, {}};
    }
    auto edit = build();
    if (!edit) {
        return DropPreview{false, edit.errorMessage(), {}, {}};
    }
    return check(edit.value());
}

DropPreview DropSession::assignSeat(ShiftId id, Seat seat, PersonId person)
{
    return preview({id}, [&] { return ShiftService::assignSeatEdit(*shift(id), seat, person); });
}

DropPreview DropSession::clearSeat(ShiftId id, Seat seat)
{
    return preview({id}, [&] { return ShiftService::clearSeatEdit(*shift(id), seat); });
}

DropPreview DropSession::swapPairs(ShiftId a, ShiftId b)
{
    return preview({a, b}, [&] { return ShiftService::swapPairsEdit(*shift(a), *shift(b)); });
}

DropPreview DropSession::swapSeat(ShiftId a, ShiftId b, Seat seat)
{
    return preview({a, b}, [&] { return ShiftService::swapSeatEdit(*shift(a), *shift(b), seat); });
}

DropPreview DropSession::moveHandoff(ShiftId id, const QDateTime &boundary)
{
    return preview({id}, [&]() -> Result<ShiftEdit> {
        const Shift s = *shift(id);
        std::optional<Shift> next;
        for (const Shift &candidate : std::as_const(m_shifts)) {
            if (candidate.rotationId == s.rotationId && candidate.start == s.end && candidate.id != s.id) {
                next = candidate;
                break;
            }
        }
        const Rotation *rotation = nullptr;
        for (const Rotation &r : std::as_const(m_request->rotations)) {
            if (r.id == s.rotationId) {
                rotation = &r;
            }
        }
        return ShiftService::moveHandoffEdit(s, next, boundary, rotation);
    });
}

} // namespace Tandem
