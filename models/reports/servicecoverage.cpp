#include "servicecoverage.h"

#include "hoursreport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimeZone>

#include <algorithm>
#include <bit>

using namespace Qt::StringLiterals;

namespace Tandem::Reports {

namespace {

// What one shift brings to the stretches it spans.
enum Bring : quint8 {
    Pair = 1,    // both seats, ops with production access
    DevOnly = 2, // a developer and no usable ops seat
    OpsOnly = 4, // an ops engineer with access and no developer
    Nobody = 8,  // both seats empty (or ops without access and no developer)
};

struct Event
{
    qint64 at; // seconds since the epoch
    int leg;
    Bring bring;
    int delta;
};

// The state of one stretch between two consecutive events.
struct State
{
    quint64 pairLegs = 0; // legs holding the stretch with a pair
    quint64 anyLegs = 0;  // legs with any shift on it
    bool dev = false;     // some incomplete shift holds a developer
    bool ops = false;     // some incomplete shift holds an ops engineer with access

    bool operator==(const State &) const = default;
};

QList<RotationId> legsOf(quint64 mask, const QList<RotationId> &legs)
{
    QList<RotationId> result;
    for (int i = 0; i < legs.size() && i < 64; ++i) {
        if (mask & (quint64(1) << i)) {
            result.append(legs.at(i));
        }
    }
    return result;
}

GapReason noPairReason(const State &s)
{
    if (s.dev && s.ops) {
        return GapReason::NotPaired;
    }
    if (s.dev) {
        return GapReason::NoOps;
    }
    if (s.ops) {
        return GapReason::NoDeveloper;
    }
    return GapReason::NoShift;
}

QString localIso(const QDateTime &utc, const QTimeZone &zone)
{
    return (zone.isValid() ? utc.toTimeZone(zone) : utc).toString(Qt::ISODate);
}

} // namespace

const ServiceLeg *ServiceCoverage::leg(RotationId id) const
{
    for (const ServiceLeg &l : legs) {
        if (l.rotation == id) {
            return &l;
        }
    }
    return nullptr;
}

QString ServiceCoverage::legNames(const QList<RotationId> &ids) const
{
    QStringList names;
    for (const RotationId &id : ids) {
        const ServiceLeg *l = leg(id);
        names.append(l && !l->name.isEmpty() ? l->name : id.toString());
    }
    return names.join(u" + "_s);
}

QString serviceHoleKindKey(ServiceHole::Kind kind)
{
    return kind == ServiceHole::Uncovered ? u"uncovered"_s : u"no_pair"_s;
}

QString serviceHoleKindText(ServiceHole::Kind kind)
{
    return kind == ServiceHole::Uncovered ? QCoreApplication::translate("Tandem::Reports", "not covered")
                                          : QCoreApplication::translate("Tandem::Reports", "no pair");
}

ServiceCoverage serviceCoverage(const ServiceCoverageInput &input)
{
    ServiceCoverage result;
    result.service = input.service.id;
    result.name = input.service.name;
    result.timeZone = input.service.timeZone;
    result.from = input.from.toUTC();
    result.to = input.to.toUTC();
    const qint64 from = result.from.toSecsSinceEpoch();
    const qint64 to = result.to.toSecsSinceEpoch();
    if (to <= from) {
        return result;
    }
    result.requiredMinutes = (to - from) / 60;

    // Legs past the 64th cannot be told apart in the masks below; the service refuses them.
    const QList<RotationId> legIds = input.service.legs.mid(0, 64);
    QHash<RotationId, int> legIndex;
    for (int i = 0; i < legIds.size(); ++i) {
        legIndex.insert(legIds.at(i), i);
        ServiceLeg leg;
        leg.rotation = legIds.at(i);
        for (const Rotation &r : input.rotations) {
            if (r.id == leg.rotation) {
                leg.name = r.name;
                leg.timeZone = r.timeZone;
            }
        }
        leg.removed = input.removed.contains(leg.rotation);
        result.legs.append(leg);
    }

    QList<Event> events;
    events.reserve(input.shifts.size() * 2);
    for (const Shift &s : input.shifts) {
        const auto at = legIndex.constFind(s.rotationId);
        if (at == legIndex.constEnd()) {
            continue;
        }
        const qint64 start = std::max(from, s.start.toSecsSinceEpoch());
        const qint64 end = std::min(to, s.end.toSecsSinceEpoch());
        if (end <= start) {
            continue;
        }
        const bool dev = !s.dev.isNull();
        bool ops = !s.ops.isNull();
        if (ops) {
            const auto person = input.people.constFind(s.ops);
            ops = person == input.people.constEnd() || person->productionAccess;
        }
        const Bring bring = dev && ops ? Pair : dev ? DevOnly : ops ? OpsOnly : Nobody;
        events.append({start, *at, bring, +1});
        events.append({end, *at, bring, -1});
    }
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.at < b.at; });

    // Per leg, how many of its shifts of each kind are open.
    const int legCount = int(legIds.size());
    QList<int> open(legCount * 4, 0);
    const auto slot = [](Bring b) { return b == Pair ? 0 : b == DevOnly ? 1 : b == OpsOnly ? 2 : 3; };
    int devOpen = 0;
    int opsOpen = 0;

    const auto stateNow = [&] {
        State s;
        for (int i = 0; i < legCount; ++i) {
            const int *counts = open.constData() + i * 4;
            if (counts[0] > 0) {
                s.pairLegs |= quint64(1) << i;
            }
            if (counts[0] + counts[1] + counts[2] + counts[3] > 0) {
                s.anyLegs |= quint64(1) << i;
            }
        }
        s.dev = devOpen > 0;
        s.ops = opsOpen > 0;
        return s;
    };

    // Stretches of one state are merged before they are recorded.
    qint64 runStart = from;
    State runState;
    const auto record = [&](qint64 start, qint64 end, const State &s) {
        if (end <= start) {
            return;
        }
        const qint64 minutes = (end - start) / 60;
        const QDateTime a = QDateTime::fromSecsSinceEpoch(start, Qt::UTC);
        const QDateTime b = QDateTime::fromSecsSinceEpoch(end, Qt::UTC);
        if (s.pairLegs != 0) {
            result.coveredMinutes += minutes;
            for (int i = 0; i < legCount; ++i) {
                if (s.pairLegs & (quint64(1) << i)) {
                    result.legs[i].pairedMinutes += minutes;
                }
            }
            if (std::popcount(s.pairLegs) >= 2) {
                result.overlapMinutes += minutes;
                result.overlaps.append({a, b, legsOf(s.pairLegs, legIds)});
            }
        } else if (s.anyLegs == 0) {
            result.uncoveredMinutes += minutes;
            result.holes.append({a, b, ServiceHole::Uncovered, GapReason::NoShift, {}});
        } else {
            result.noPairMinutes += minutes;
            result.holes.append({a, b, ServiceHole::NoPair, noPairReason(s), legsOf(s.anyLegs, legIds)});
        }
    };

    for (qsizetype i = 0; i < events.size();) {
        const qint64 at = events.at(i).at;
        for (; i < events.size() && events.at(i).at == at; ++i) {
            const Event &e = events.at(i);
            open[e.leg * 4 + slot(e.bring)] += e.delta;
            if (e.bring == DevOnly) {
                devOpen += e.delta;
            } else if (e.bring == OpsOnly) {
                opsOpen += e.delta;
            }
        }
        const State next = stateNow();
        if (next != runState) {
            record(runStart, at, runState);
            runStart = at;
            runState = next;
        }
    }
    record(runStart, to, runState);
    return result;
}

QByteArray serviceCoverageCsv(const ServiceCoverage &coverage)
{
    const QTimeZone zone(coverage.timeZone.toUtf8());
    QString text = u"kind,start,end,start_local,end_local,minutes,legs,reason\n"_s;
    const auto row = [&](const QString &kind, const QDateTime &start, const QDateTime &end, qint64 minutes,
                         const QList<RotationId> &legs, const QString &reason) {
        text += QStringList{kind,
                            start.toString(Qt::ISODate),
                            end.toString(Qt::ISODate),
                            localIso(start, zone),
                            localIso(end, zone),
                            QString::number(minutes),
                            csvField(coverage.legNames(legs)),
                            reason}
                    .join(u',') +
                u'\n';
    };
    // Holes and overlaps interleaved by start, as they happen.
    qsizetype h = 0;
    qsizetype o = 0;
    while (h < coverage.holes.size() || o < coverage.overlaps.size()) {
        if (o >= coverage.overlaps.size() ||
            (h < coverage.holes.size() && coverage.holes.at(h).start <= coverage.overlaps.at(o).start)) {
            const ServiceHole &x = coverage.holes.at(h++);
            row(serviceHoleKindKey(x.kind), x.start, x.end, x.minutes(), x.legs,
                x.kind == ServiceHole::NoPair ? gapReasonKey(x.reason) : QString());
        } else {
            const ServiceOverlap &x = coverage.overlaps.at(o++);
            row(u"overlap"_s, x.start, x.end, x.minutes(), x.legs, {});
        }
    }
    return text.toUtf8();
}

QJsonObject serviceCoverageJson(const ServiceCoverage &c)
{
    const QTimeZone zone(c.timeZone.toUtf8());
    const auto names = [&](const QList<RotationId> &legs) {
        QJsonArray array;
        for (const RotationId &id : legs) {
            const ServiceLeg *l = c.leg(id);
            array.append(l && !l->name.isEmpty() ? l->name : id.toString());
        }
        return array;
    };
    QJsonArray legs;
    for (const ServiceLeg &l : c.legs) {
        legs.append(QJsonObject{{u"rotation"_s, l.name},
                                {u"id"_s, l.rotation.toString()},
                                {u"timezone"_s, l.timeZone},
                                {u"removed"_s, l.removed},
                                {u"paired_minutes"_s, l.pairedMinutes}});
    }
    QJsonArray holes;
    for (const ServiceHole &h : c.holes) {
        QJsonObject object{{u"kind"_s, serviceHoleKindKey(h.kind)}, {u"start"_s, h.start.toString(Qt::ISODate)},
                           {u"end"_s, h.end.toString(Qt::ISODate)}, {u"start_local"_s, localIso(h.start, zone)},
                           {u"end_local"_s, localIso(h.end, zone)}, {u"minutes"_s, h.minutes()}};
        if (h.kind == ServiceHole::NoPair) {
            object.insert(u"reason"_s, gapReasonKey(h.reason));
            object.insert(u"legs"_s, names(h.legs));
        }
        holes.append(object);
    }
    QJsonArray overlaps;
    for (const ServiceOverlap &o : c.overlaps) {
        overlaps.append(QJsonObject{{u"start"_s, o.start.toString(Qt::ISODate)},
                                    {u"end"_s, o.end.toString(Qt::ISODate)},
                                    {u"start_local"_s, localIso(o.start, zone)},
                                    {u"end_local"_s, localIso(o.end, zone)},
                                    {u"minutes"_s, o.minutes()},
                                    {u"legs"_s, names(o.legs)}});
    }
    return QJsonObject{{u"service"_s, c.name},
                       {u"timezone"_s, c.timeZone},
                       {u"from"_s, c.from.toString(Qt::ISODate)},
                       {u"to"_s, c.to.toString(Qt::ISODate)},
                       {u"legs"_s, legs},
                       {u"required_minutes"_s, c.requiredMinutes},
                       {u"covered_minutes"_s, c.coveredMinutes},
                       {u"covered_percent"_s, c.coveredPercent()},
                       {u"hole_minutes"_s, c.holeMinutes()},
                       {u"uncovered_minutes"_s, c.uncoveredMinutes},
                       {u"no_pair_minutes"_s, c.noPairMinutes},
                       {u"overlap_minutes"_s, c.overlapMinutes},
                       {u"holes"_s, holes},
                       {u"overlaps"_s, overlaps}};
}

} // namespace Tandem::Reports
