#include "reportrenderer.h"

#include "fairnesschart.h"
#include "reports/fairnesscsv.h"
#include "services/fileio.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Tandem::Print::ReportRenderer {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::Print::ReportRenderer", text);
}

QString number(double value, int decimals = 1)
{
    return QLocale().toString(value, 'f', decimals);
}

QString names(const QHash<PersonId, Person> &people, PersonId dev, PersonId ops)
{
    const QString gap = tr("— gap —");
    return tr("D %1\nO %2")
        .arg(dev.isNull() ? gap : people.value(dev).name, ops.isNull() ? gap : people.value(ops).name);
}

} // namespace

void layoutFairness(PageDocument &doc, const Planner::FairnessSummary &summary, const QHash<PersonId, Person> &people)
{
    doc.addHeading(tr("Per person"));
    Table table;
    table.columns = {{tr("Name"), 2.2, false, Qt::AlignLeft},        {tr("Pool"), 1.8, false, Qt::AlignLeft},
                     {tr("Shifts"), 0.8, false, Qt::AlignRight},     {tr("Load"), 0.8, false, Qt::AlignRight},
                     {tr("Fair share"), 0.9, false, Qt::AlignRight}, {tr("Deviation"), 0.9, false, Qt::AlignRight},
                     {tr("Weekends"), 0.9, false, Qt::AlignRight},   {tr("Holidays"), 0.9, false, Qt::AlignRight},
                     {tr("Nights"), 0.8, false, Qt::AlignRight},     {tr("Partners"), 0.9, false, Qt::AlignRight}};
    for (const Planner::PersonFigures &f : summary.people) {
        table.rows.append({people.value(f.person).name, f.pool, QString::number(f.shifts), number(f.load),
                           number(f.fairShare), number(f.load - f.fairShare), QString::number(f.weekends),
                           QString::number(f.holidays), QString::number(f.nights), QString::number(f.partners.size())});
    }
    doc.addTable(table);
    doc.addSpacing(doc.mm(3));
    QStringList pools;
    for (const Planner::PoolFigures &p : summary.pools) {
        pools.append(tr("%1: load %2 to %3 (spread %4), largest deviation from fair share %5")
                         .arg(p.name, number(p.minLoad), number(p.maxLoad), number(p.maxLoad - p.minLoad),
                              number(p.maxDeviation, 2)));
    }
    if (!pools.isEmpty()) {
        doc.addParagraph(pools.join(u'\n'));
    }
    const FairnessChart chart(summary, people);
    const QFont font = doc.font(8);
    doc.addSpacing(doc.mm(3));
    doc.addHeading(tr("Weighted load against fair share"));
    // Measured on a device like the one painted on: PageDocument measures for its device.
    doc.addBlock(doc.textHeight(u"X"_s, font, doc.body().width()) * 1.5 * qreal(summary.people.size() + 2),
                 [chart, font](QPainter &p, const QRectF &r) { chart.paintLoadBars(p, r, font); });
    doc.addSpacing(doc.mm(3));
    doc.addHeading(tr("Pairs: developer × ops engineer"));
    const qreal line = doc.textHeight(u"X"_s, font, doc.body().width());
    const auto axes = Reports::pairAxes(summary, people);
    doc.addBlock(line * (2.4 + 1.6 * qreal(axes.first.size())) + line * 2,
                 [chart, font](QPainter &p, const QRectF &r) { chart.paintPairMatrix(p, r, font); });
}

void layoutHours(PageDocument &doc, const QList<Reports::HoursRow> &rows, const Reports::HourRates &rates)
{
    doc.addParagraph(tr("Rates per hour: weekday %1, weekend %2, public holiday %3. Days in each rotation's zone; a "
                        "holiday on a weekend counts as a holiday.")
                         .arg(number(rates.weekday, 2), number(rates.weekend, 2), number(rates.holiday, 2)));
    doc.addSpacing(doc.mm(2));
    Table table;
    table.columns = {{tr("Month"), 0.9, false, Qt::AlignLeft},      {tr("Name"), 2.0, false, Qt::AlignLeft},
                     {tr("E-mail"), 2.4, false, Qt::AlignLeft},     {tr("Role"), 1.0, false, Qt::AlignLeft},
                     {tr("Weekday h"), 0.9, false, Qt::AlignRight}, {tr("Weekend h"), 0.9, false, Qt::AlignRight},
                     {tr("Holiday h"), 0.9, false, Qt::AlignRight}, {tr("Total h"), 0.9, false, Qt::AlignRight},
                     {tr("Amount"), 1.0, false, Qt::AlignRight}};
    for (const Reports::HoursRow &r : rows) {
        table.rows.append({r.month, r.name, r.email, roleDisplayName(r.role), number(r.weekdayHours, 2),
                           number(r.weekendHours, 2), number(r.holidayHours, 2), number(r.totalHours(), 2),
                           number(r.amount, 2)});
    }
    doc.addTable(table);
}

void layoutCoverage(PageDocument &doc, const Reports::CoverageReport &report)
{
    QHash<RotationId, QString> zones;
    QHash<RotationId, QString> rotationNames;
    for (const Reports::RotationCoverage &c : report.rotations) {
        zones.insert(c.rotation, c.timeZone);
        rotationNames.insert(c.rotation, c.name);
    }
    const auto local = [&](RotationId rotation, const QDateTime &utc) {
        const QTimeZone zone(zones.value(rotation).toUtf8());
        const QDateTime t = zone.isValid() ? utc.toTimeZone(zone) : utc;
        return t.toString(u"yyyy-MM-dd HH:mm"_s) + u' ' + t.timeZoneAbbreviation();
    };
    doc.addParagraph(tr("Every minute a rotation runs must be held by a developer paired with someone who has "
                        "production access (as the roster stands now). Times in each rotation's zone."));
    doc.addSpacing(doc.mm(2));
    Table summary;
    summary.columns = {{tr("Rotation"), 2.5, false, Qt::AlignLeft},
                       {tr("On-call hours"), 1, false, Qt::AlignRight},
                       {tr("Covered hours"), 1, false, Qt::AlignRight},
                       {tr("Covered"), 0.8, false, Qt::AlignRight},
                       {tr("Gaps"), 0.6, false, Qt::AlignRight}};
    for (const Reports::RotationCoverage &c : report.rotations) {
        const double share = c.requiredMinutes ? 100.0 * double(c.coveredMinutes) / double(c.requiredMinutes) : 100.0;
        summary.rows.append({c.name, number(double(c.requiredMinutes) / 60.0), number(double(c.coveredMinutes) / 60.0),
                             number(share, 2) + u" %"_s, QString::number(c.gaps.size())});
    }
    doc.addTable(summary);
    doc.addSpacing(doc.mm(4));
    doc.addHeading(tr("Gaps"));
    Table gaps;
    gaps.columns = {{tr("Rotation"), 1.6, false, Qt::AlignLeft},
                    {tr("From"), 1.4, false, Qt::AlignLeft},
                    {tr("To"), 1.4, false, Qt::AlignLeft},
                    {tr("Hours"), 0.6, false, Qt::AlignRight},
                    {tr("Why"), 2.4, false, Qt::AlignLeft}};
    for (const Reports::RotationCoverage &c : report.rotations) {
        for (const Reports::CoverageGap &g : c.gaps) {
            gaps.rows.append({c.name, local(g.rotation, g.start), local(g.rotation, g.end),
                              number(double(g.minutes()) / 60.0),
                              g.detail.isEmpty() ? Reports::gapReasonText(g.reason)
                                                 : Reports::gapReasonText(g.reason) + u" ("_s + g.detail + u')'});
        }
    }
    doc.addTable(gaps);
    if (gaps.rows.isEmpty()) {
        doc.addParagraph(tr("No gaps: every minute was covered."));
    }
    doc.addSpacing(doc.mm(4));
    doc.addHeading(tr("Who changed which shift and when"));
    Table changes;
    changes.columns = {{tr("When (UTC)"), 1.3, false, Qt::AlignLeft}, {tr("Who"), 1.6, false, Qt::AlignLeft},
                       {tr("Shift"), 1.9, false, Qt::AlignLeft},      {tr("Change"), 0.8, false, Qt::AlignLeft},
                       {tr("Before"), 1.6, false, Qt::AlignLeft},     {tr("After"), 1.6, false, Qt::AlignLeft}};
    for (const Reports::ShiftChange &c : report.changes) {
        const bool created = c.action == ChangeAction::Create;
        const bool deleted = c.action == ChangeAction::Delete;
        changes.rows.append({c.at.toUTC().toString(u"yyyy-MM-dd HH:mm"_s), c.actor,
                             rotationNames.value(c.rotation) + u'\n' + local(c.rotation, c.start),
                             changeActionToString(c.action),
                             created ? QString() : names(report.people, c.devBefore, c.opsBefore),
                             deleted ? QString() : names(report.people, c.devAfter, c.opsAfter)});
    }
    doc.addTable(changes);
    if (changes.rows.isEmpty()) {
        doc.addParagraph(tr("No changes recorded for these shifts."));
    }
}

Result<int> render(QPagedPaintDevice &device, const PageHeader &header,
                   const std::function<void(PageDocument &)> &layout)
{
    PageDocument doc(device, header);
    layout(doc);
    if (!doc.render()) {
        return Error(tr("Cannot paint on the page."));
    }
    return doc.pageCount();
}

Result<int> writePdf(const QString &path, const PageHeader &header, Paper paper, bool landscape,
                     const std::function<void(PageDocument &)> &layout)
{
    // A temporary file beside the target, renamed over it once the last page is written: a kill
    // or a full disk leaves the old PDF, never a truncated one.
    QSaveFile file(path);
    if (auto status = openOutputFile(file); !status) {
        return status.error();
    }
    Result<int> pages = Error{};
    {
        QPdfWriter writer(&file);
        writer.setCreator(u"Tandem"_s);
        writer.setTitle(header.title + u" — "_s + header.subtitle);
        writer.setResolution(600);
        setUpPage(writer, paper, landscape);
        pages = render(writer, header, layout);
    }
    if (!pages) {
        return pages;
    }
    if (!file.commit()) {
        return Error(tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    return pages;
}

} // namespace Tandem::Print::ReportRenderer
