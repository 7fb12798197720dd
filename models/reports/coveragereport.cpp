#include "coveragereport.h"

#include "hoursreport.h"
#include "planner/windowcut.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Tandem::Reports {

QString gapReasonText(GapReason reason)
{
    switch (reason) {
    case GapReason::NoShift:
        return QCoreApplication::translate("Tandem::Reports", "nobody on call");
    case GapReason::NoOps:
        return QCoreApplication::translate("Tandem::Reports", "no one with production access");
    case GapReason::NoDeveloper:
        return QCoreApplication::translate("Tandem::Reports", "no developer");
    case GapReason::NotPaired:
        return QCoreApplication::translate("Tandem::Reports", "developer and ops in different shifts");
    }
    return {};
}

QString gapReasonKey(GapReason reason)
{
    switch (reason) {
    case GapReason::NoShift:
        return u"no_shift"_s;
    case GapReason::NoOps:
        return u"no_ops"_s;
    case GapReason::NoDeveloper:
        return u"no_developer"_s;
    case GapReason::NotPaired:
        return u"not_paired"_s;
    }
    return {};
}

namespace {

struct Interval
{
    QDateTime start;
    QDateTime end;
};

// The rotation's on-call time inside [periodStart, periodEnd): its slots cut to its hour windows
// (the hours outside them need nobody), clipped, merged.
QList<Interval> requiredTime(const Rotation &rotation, QDate from, QDate to, const QDateTime &periodStart,
                             const QDateTime &periodEnd)
{
    // A slot that started before the period may still run into it.
    const int daysBack = rotation.shiftMinutes / (24 * 60) + 1;
    QList<Interval> result;
    for (const Planner::Slot &slot : Planner::generateWindowSlots(rotation, from.addDays(-daysBack), to)) {
        const QDateTime s = std::max(slot.start, periodStart);
        const QDateTime e = std::min(slot.end, periodEnd);
        if (e <= s) {
            continue;
        }
        if (!result.isEmpty() && result.last().end >= s) {
            result.last().end = std::max(result.last().end, e);
        } else {
            result.append({s, e});
        }
    }
    return result;
}

PersonId idFrom(const QJsonObject &object, const QString &key)
{
    const QString text = object.value(key).toString();
    return text.isEmpty() ? PersonId() : PersonId::fromString(text);
}

} // namespace

CoverageReport coverageReport(const CoverageInput &input)
{
    CoverageReport report;
    report.people = input.people;
    report.from = input.from;
    report.to = input.to;
    for (const Rotation &rotation : input.rotations) {
        const QTimeZone zone(rotation.timeZone.toUtf8());
        const QTimeZone tz = zone.isValid() ? zone : QTimeZone::utc();
        const QDateTime periodStart = input.from.startOfDay(tz).toUTC();
        const QDateTime periodEnd = input.to.addDays(1).startOfDay(tz).toUTC();
        RotationCoverage coverage;
        coverage.rotation = rotation.id;
        coverage.name = rotation.name;
        coverage.timeZone = rotation.timeZone;

        QList<const Shift *> shifts;
        for (const Shift &s : input.shifts) {
            if (s.rotationId == rotation.id && s.end > periodStart && s.start < periodEnd) {
                shifts.append(&s);
            }
        }
        const auto hasAccess = [&](PersonId id) { return !id.isNull() && input.people.value(id).productionAccess; };
        for (const Interval &required : requiredTime(rotation, input.from, input.to, periodStart, periodEnd)) {
            coverage.requiredMinutes += required.start.secsTo(required.end) / 60;
            // Cut the interval wherever a shift starts or ends; each piece has one state.
            QList<QDateTime> cuts{required.start, required.end};
            for (const Shift *s : std::as_const(shifts)) {
                for (const QDateTime &t : {s->start, s->end}) {
                    if (t > required.start && t < required.end) {
                        cuts.append(t);
                    }
                }
            }
            std::sort(cuts.begin(), cuts.end());
            cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
            for (qsizetype i = 0; i + 1 < cuts.size(); ++i) {
                const QDateTime a = cuts.at(i);
                const QDateTime b = cuts.at(i + 1);
                bool paired = false;
                bool anyDev = false;
                bool anyOps = false;
                QString detail;
                for (const Shift *s : std::as_const(shifts)) {
                    if (s->start > a || s->end < b) {
                        continue;
                    }
                    const bool dev = !s->dev.isNull();
                    const bool ops = hasAccess(s->ops);
                    if (!s->ops.isNull() && !ops) {
                        detail = QCoreApplication::translate("Tandem::Reports", "%1 has no production access")
                                     .arg(input.people.value(s->ops).name);
                    }
                    paired = paired || (dev && ops);
                    anyDev = anyDev || dev;
                    anyOps = anyOps || ops;
                }
                if (paired) {
                    coverage.coveredMinutes += a.secsTo(b) / 60;
                    continue;
                }
                const GapReason reason = !anyDev && !anyOps ? GapReason::NoShift
                                         : !anyOps          ? GapReason::NoOps
                                         : !anyDev          ? GapReason::NoDeveloper
                                                            : GapReason::NotPaired;
                if (!coverage.gaps.isEmpty() && coverage.gaps.last().end == a &&
                    coverage.gaps.last().reason == reason && coverage.gaps.last().detail == detail) {
                    coverage.gaps.last().end = b;
                } else {
                    coverage.gaps.append({rotation.id, a, b, reason, detail});
                }
            }
        }
        report.rotations.append(coverage);
    }

    // The log: changes to shifts of these rotations that overlap the period (before or after).
    QHash<RotationId, std::pair<QDateTime, QDateTime>> periods;
    for (const Rotation &rotation : input.rotations) {
        const QTimeZone zone(rotation.timeZone.toUtf8());
        const QTimeZone tz = zone.isValid() ? zone : QTimeZone::utc();
        periods.insert(rotation.id, {input.from.startOfDay(tz).toUTC(), input.to.addDays(1).startOfDay(tz).toUTC()});
    }
    for (const ChangeEntry &entry : input.shiftLog) {
        if (entry.entity != u"shift") {
            continue;
        }
        const QJsonObject &main = entry.after.isEmpty() ? entry.before : entry.after;
        const RotationId rotation = RotationId::fromString(main.value(u"rotation"_s).toString());
        const auto period = periods.constFind(rotation);
        if (period == periods.constEnd()) {
            continue;
        }
        const auto overlaps = [&](const QJsonObject &o) {
            if (o.isEmpty()) {
                return false;
            }
            const QDateTime s = QDateTime::fromString(o.value(u"start"_s).toString(), Qt::ISODate);
            const QDateTime e = QDateTime::fromString(o.value(u"end"_s).toString(), Qt::ISODate);
            return s < period->second && e > period->first;
        };
        if (!overlaps(entry.before) && !overlaps(entry.after)) {
            continue;
        }
        ShiftChange change;
        change.at = entry.at;
        change.actor = entry.actor;
        change.action = entry.action;
        change.shift = ShiftId::fromString(entry.entityId);
        change.rotation = rotation;
        change.start = QDateTime::fromString(main.value(u"start"_s).toString(), Qt::ISODate).toUTC();
        change.end = QDateTime::fromString(main.value(u"end"_s).toString(), Qt::ISODate).toUTC();
        change.devBefore = idFrom(entry.before, u"dev"_s);
        change.opsBefore = idFrom(entry.before, u"ops"_s);
        change.devAfter = idFrom(entry.after, u"dev"_s);
        change.opsAfter = idFrom(entry.after, u"ops"_s);
        report.changes.append(change);
    }
    return report;
}

namespace {

QString localIso(const QDateTime &utc, const QString &zone)
{
    const QTimeZone tz(zone.toUtf8());
    return (tz.isValid() ? utc.toTimeZone(tz) : utc).toString(Qt::ISODate);
}

} // namespace

QByteArray coverageGapsCsv(const CoverageReport &report)
{
    QString text = u"rotation,start,end,start_local,end_local,minutes,reason,detail\n"_s;
    for (const RotationCoverage &c : report.rotations) {
        for (const CoverageGap &g : c.gaps) {
            text += QStringList{csvField(c.name),
                                g.start.toString(Qt::ISODate),
                                g.end.toString(Qt::ISODate),
                                localIso(g.start, c.timeZone),
                                localIso(g.end, c.timeZone),
                                QString::number(g.minutes()),
                                gapReasonKey(g.reason),
                                csvField(g.detail)}
                        .join(u',') +
                    u'\n';
        }
    }
    return text.toUtf8();
}

QByteArray coverageChangesCsv(const CoverageReport &report)
{
    QHash<RotationId, QString> names;
    for (const RotationCoverage &c : report.rotations) {
        names.insert(c.rotation, c.name);
    }
    const auto email = [&report](PersonId id) { return csvField(report.people.value(id).email); };
    QString text = u"at,actor,action,shift,rotation,start,end,dev_before,ops_before,dev_after,ops_after\n"_s;
    for (const ShiftChange &c : report.changes) {
        text += QStringList{c.at.toUTC().toString(Qt::ISODate),
                            csvField(c.actor),
                            changeActionToString(c.action),
                            c.shift.toString(),
                            csvField(names.value(c.rotation)),
                            c.start.toString(Qt::ISODate),
                            c.end.toString(Qt::ISODate),
                            email(c.devBefore),
                            email(c.opsBefore),
                            email(c.devAfter),
                            email(c.opsAfter)}
                    .join(u',') +
                u'\n';
    }
    return text.toUtf8();
}

} // namespace Tandem::Reports
