#include "reportsdialog.h"

#include "domain/clock.h"
#include "fairnesschart.h"
#include "itemmodels/planmodel.h"
#include "reportrenderer.h"
#include "reports/fairnesscsv.h"
#include "scopecombo.h"
#include "servicecoveragewidget.h"
#include "services/fileio.h"
#include "services/reportservice.h"
#include "sheetrenderer.h"
#include "store/database.h"
#include "workspace.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

/// Fairness as pictures in the app: the same painting as in the PDF.
class FairnessChartWidget final : public QWidget
{
public:
    using QWidget::QWidget;

    void setChart(std::optional<Print::FairnessChart> chart)
    {
        m_chart = std::move(chart);
        updateGeometry();
        update();
    }

    QSize sizeHint() const override
    {
        if (!m_chart) {
            return {600, 200};
        }
        const qreal bars = m_chart->loadBarsHeight(font(), this);
        const qreal pairs = m_chart->pairMatrixHeight(font(), this);
        return {700, int(sideBySide() ? std::max(bars, pairs) + 24 : bars + pairs + 40)};
    }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override
    {
        if (!m_chart) {
            return 200;
        }
        const qreal bars = m_chart->loadBarsHeight(font(), this);
        const qreal pairs = m_chart->pairMatrixHeight(font(), this);
        return int(width >= SideBySideWidth ? std::max(bars, pairs) + 24 : bars + pairs + 40);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.fillRect(rect(), palette().base());
        if (!m_chart) {
            return;
        }
        const qreal bars = m_chart->loadBarsHeight(font(), this);
        const qreal pairs = m_chart->pairMatrixHeight(font(), this);
        const QRectF area = QRectF(rect()).adjusted(12, 12, -12, -12);
        if (sideBySide()) {
            // Wide enough: the loads on the left, the pairs on the right, both seen at once.
            const qreal half = (area.width() - 24) / 2;
            m_chart->paintLoadBars(painter, QRectF(area.left(), area.top(), half, bars), font());
            m_chart->paintPairMatrix(painter, QRectF(area.left() + half + 24, area.top(), half, pairs), font());
            return;
        }
        m_chart->paintLoadBars(painter, QRectF(area.left(), area.top(), area.width(), bars), font());
        m_chart->paintPairMatrix(painter, QRectF(area.left(), area.top() + bars + 16, area.width(), pairs), font());
    }

private:
    static constexpr int SideBySideWidth = 900;
    bool sideBySide() const { return width() >= SideBySideWidth; }

    std::optional<Print::FairnessChart> m_chart;
};

namespace {

QTableWidget *makeTable(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void setRow(QTableWidget *table, int row, const QStringList &cells, int firstNumber = -1)
{
    for (int column = 0; column < cells.size(); ++column) {
        auto *item = new QTableWidgetItem(cells.at(column));
        if (firstNumber >= 0 && column >= firstNumber) {
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        }
        table->setItem(row, column, item);
    }
}

/// A time to the minute in `zone`, with the zone's abbreviation when the viewer's clock reads
/// differently ("Mon 7 Dec 2026 09:00 EST").
QString localText(const QDateTime &utc, const QString &zone)
{
    const QTimeZone tz(zone.toUtf8());
    const QDateTime there = tz.isValid() ? utc.toTimeZone(tz) : utc.toUTC();
    QString text = QLocale().toString(there, u"ddd d MMM yyyy HH:mm"_s);
    if (there.offsetFromUtc() != utc.toLocalTime().offsetFromUtc()) {
        text += u' ' + there.timeZoneAbbreviation();
    }
    return text;
}

QString number(double value)
{
    return QLocale().toString(value, 'f', 1);
}

} // namespace

ReportsDialog::ReportsDialog(Workspace &workspace, QWidget *parent) : QDialog(parent), m_workspace(workspace)
{
    setWindowTitle(tr("Reports"));
    setObjectName(u"reportsDialog"_s);
    QSettings settings;

    m_scope = new ScopeCombo(workspace, this);
    m_scope->setObjectName(u"scopeCombo"_s);
    m_scope->setKey(settings.value(u"reports/scope"_s).toString());
    const QDate today = Clock::current().today();
    m_from = new QDateEdit(today.addDays(-91), this);
    m_from->setObjectName(u"fromDate"_s);
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(today.addDays(91), this);
    m_to->setObjectName(u"toDate"_s);
    m_to->setCalendarPopup(true);

    auto *top = new QHBoxLayout;
    auto *form = new QFormLayout;
    form->addRow(tr("&Report on:"), m_scope);
    top->addLayout(form, 1);
    top->addWidget(new QLabel(tr("&From:"), this));
    top->addWidget(m_from);
    top->addWidget(new QLabel(tr("&To:"), this));
    top->addWidget(m_to);
    qobject_cast<QLabel *>(top->itemAt(1)->widget())->setBuddy(m_from);
    qobject_cast<QLabel *>(top->itemAt(3)->widget())->setBuddy(m_to);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"reportTabs"_s);

    // Fairness: the figures and, beside them, the pictures.
    m_fairnessModel = new FairnessModel(this);
    m_fairnessView = new QTableView(this);
    m_fairnessView->setObjectName(u"fairnessView"_s);
    m_fairnessView->setAccessibleName(tr("Fairness per person"));
    m_fairnessView->setModel(m_fairnessModel);
    m_fairnessView->verticalHeader()->hide();
    m_fairnessView->setSortingEnabled(false);
    m_chart = new FairnessChartWidget(this);
    m_chart->setObjectName(u"fairnessChart"_s);
    auto *chartScroll = new QScrollArea(this);
    chartScroll->setWidget(m_chart);
    chartScroll->setWidgetResizable(true);
    auto *fairness = new QSplitter(Qt::Vertical, this);
    fairness->addWidget(m_fairnessView);
    fairness->addWidget(chartScroll);
    fairness->setSizes({260, 420}); // the chart needs the room more than the table
    m_tabs->addTab(fairness, tr("F&airness"));

    // Hours for payroll, with the rates.
    auto *hours = new QWidget(this);
    auto *ratesRow = new QHBoxLayout;
    const QStringList rateNames = {tr("Weekday rate:"), tr("Weekend rate:"), tr("Holiday rate:")};
    const QStringList rateKeys = {u"weekday"_s, u"weekend"_s, u"holiday"_s};
    for (int i = 0; i < 3; ++i) {
        m_rates[i] = new QDoubleSpinBox(hours);
        m_rates[i]->setRange(0, 10000);
        m_rates[i]->setDecimals(2);
        m_rates[i]->setValue(settings.value(u"reports/rate/"_s + rateKeys.at(i), 0.0).toDouble());
        m_rates[i]->setObjectName(rateKeys.at(i) + u"Rate"_s);
        auto *label = new QLabel(rateNames.at(i), hours);
        label->setBuddy(m_rates[i]);
        ratesRow->addWidget(label);
        ratesRow->addWidget(m_rates[i]);
        connect(m_rates[i], &QDoubleSpinBox::valueChanged, this, &ReportsDialog::showHours);
    }
    ratesRow->addStretch();
    m_hoursTable = makeTable({tr("Person"), tr("Role"), tr("Month"), tr("Weekday h"), tr("Weekend h"), tr("Holiday h"),
                              tr("Total h"), tr("Amount")},
                             u"hoursTable"_s, hours);
    m_hoursTable->setAccessibleName(tr("On-call hours per person and month"));
    auto *hoursLayout = new QVBoxLayout(hours);
    hoursLayout->addLayout(ratesRow);
    hoursLayout->addWidget(m_hoursTable);
    m_tabs->addTab(hours, tr("On-call &hours"));

    // Coverage for auditors.
    auto *coverage = new QWidget(this);
    m_coverageSummary = new QLabel(coverage);
    m_coverageSummary->setObjectName(u"coverageSummary"_s);
    m_coverageSummary->setWordWrap(true);
    m_gapsTable = makeTable({tr("Rotation"), tr("From"), tr("To"), tr("Duration"), tr("Why"), tr("Detail")},
                            u"gapsTable"_s, coverage);
    m_gapsTable->setAccessibleName(tr("Coverage gaps"));
    m_changesTable =
        makeTable({tr("When (your time)"), tr("Who"), tr("Action"), tr("Shift"), tr("Before"), tr("After")},
                  u"changesTable"_s, coverage);
    m_changesTable->setAccessibleName(tr("Shift changes"));
    auto *coverageLayout = new QVBoxLayout(coverage);
    coverageLayout->addWidget(m_coverageSummary);
    coverageLayout->addWidget(new QLabel(tr("Time without a developer paired with production access:"), coverage));
    coverageLayout->addWidget(m_gapsTable, 1);
    coverageLayout->addWidget(new QLabel(tr("Who changed which shift, and when:"), coverage));
    coverageLayout->addWidget(m_changesTable, 1);
    m_tabs->addTab(coverage, tr("&Coverage"));
    // A follow-the-sun service's holes and overlaps (its own choice of service; the period above).
    m_services = new ServiceCoverageWidget(workspace.database(), this);
    m_tabs->addTab(m_services, tr("Ser&vice coverage"));

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *csv = buttons->addButton(tr("Export C&SV…"), QDialogButtonBox::ActionRole);
    QPushButton *pdf = buttons->addButton(tr("Export P&DF…"), QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_scope, &QComboBox::currentIndexChanged, this, &ReportsDialog::refresh);
    connect(m_from, &QDateEdit::dateChanged, this, &ReportsDialog::refresh);
    connect(m_to, &QDateEdit::dateChanged, this, &ReportsDialog::refresh);
    connect(csv, &QPushButton::clicked, this, [this] { exportCsv(); });
    connect(pdf, &QPushButton::clicked, this, [this] { exportPdf(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_tabs->setCurrentIndex(settings.value(u"reports/tab"_s, 0).toInt());
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [](int index) { QSettings().setValue(u"reports/tab"_s, index); });
    resize(1000, 720);
    refresh();
}

Reports::HourRates ReportsDialog::rates() const
{
    return Reports::HourRates{m_rates[0]->value(), m_rates[1]->value(), m_rates[2]->value()};
}

void ReportsDialog::refresh()
{
    if (m_to->date() < m_from->date()) {
        m_message->setText(tr("The period ends before it starts."));
        return;
    }
    QSettings().setValue(u"reports/scope"_s, m_scope->key());
    const ReportScope scope = m_scope->scope(m_from->date(), m_to->date());
    ReportService reports(m_workspace.database());
    QStringList problems;
    const auto people = reports.people();
    if (!people) {
        problems.append(people.errorMessage());
    }
    // Without the people (said above) the figures still show, only without names.
    m_people = people.value_or({});
    QHash<PersonId, QString> names;
    for (auto it = m_people.cbegin(); it != m_people.cend(); ++it) {
        names.insert(it.key(), it.value().name);
    }
    const auto fairness = reports.fairness(scope);
    if (fairness) {
        m_fairness = fairness.value();
        m_fairnessModel->setSummary(m_fairness, names);
        m_fairnessView->resizeColumnsToContents();
        m_chart->setChart(Print::FairnessChart(m_fairness, m_people));
    } else {
        problems.append(fairness.errorMessage());
    }
    if (const QString hours = hoursProblem(); !hours.isEmpty()) {
        problems.append(hours);
    }
    const auto coverage = reports.coverage(scope);
    if (coverage) {
        m_coverage = coverage.value();
        showCoverage();
    } else {
        problems.append(coverage.errorMessage());
    }
    m_services->setPeriod(m_from->date(), m_to->date());
    m_message->setText(problems.join(u'\n'));
}

void ReportsDialog::showHours()
{
    if (const QString problem = hoursProblem(); !problem.isEmpty()) {
        m_message->setText(problem);
    }
}

QString ReportsDialog::hoursProblem()
{
    const Reports::HourRates r = rates();
    QSettings settings;
    settings.setValue(u"reports/rate/weekday"_s, r.weekday);
    settings.setValue(u"reports/rate/weekend"_s, r.weekend);
    settings.setValue(u"reports/rate/holiday"_s, r.holiday);
    const auto rows = ReportService(m_workspace.database()).hours(m_scope->scope(m_from->date(), m_to->date()), r);
    // A failed read empties the table; the caller shows the error above it.
    m_hours = rows.value_or({});
    m_hoursTable->setRowCount(int(m_hours.size()));
    for (int row = 0; row < m_hours.size(); ++row) {
        const Reports::HoursRow &h = m_hours.at(row);
        setRow(m_hoursTable, row,
               {h.name, roleDisplayName(h.role), h.month, number(h.weekdayHours), number(h.weekendHours),
                number(h.holidayHours), number(h.totalHours()), QLocale().toString(h.amount, 'f', 2)},
               3);
    }
    // Money only once there is a rate: a column of zeros says nothing.
    m_hoursTable->setColumnHidden(7, r.weekday <= 0 && r.weekend <= 0 && r.holiday <= 0);
    m_hoursTable->resizeColumnsToContents();
    return rows ? QString() : rows.errorMessage();
}

void ReportsDialog::showCoverage()
{
    QStringList summary;
    int gaps = 0;
    for (const Reports::RotationCoverage &c : m_coverage.rotations) {
        gaps += int(c.gaps.size());
    }
    m_gapsTable->setRowCount(gaps);
    int row = 0;
    QHash<RotationId, QString> zones;
    QHash<RotationId, QString> rotationNames;
    for (const Reports::RotationCoverage &c : m_coverage.rotations) {
        zones.insert(c.rotation, c.timeZone);
        rotationNames.insert(c.rotation, c.name);
        const double percent =
            c.requiredMinutes > 0 ? 100.0 * double(c.coveredMinutes) / double(c.requiredMinutes) : 100.0;
        summary.append(tr("%1: %2 % covered by a developer paired with production access (%3 of %4 hours)")
                           .arg(c.name, QLocale().toString(percent, 'f', 1), number(double(c.coveredMinutes) / 60.0),
                                number(double(c.requiredMinutes) / 60.0)));
        for (const Reports::CoverageGap &g : c.gaps) {
            setRow(m_gapsTable, row++,
                   {c.name, localText(g.start, c.timeZone), localText(g.end, c.timeZone),
                    tr("%1 h").arg(number(double(g.minutes()) / 60.0)), Reports::gapReasonText(g.reason), g.detail});
        }
    }
    m_coverageSummary->setText(summary.isEmpty() ? tr("No rotation in this scope.") : summary.join(u'\n'));
    m_gapsTable->resizeColumnsToContents();

    auto pair = [this](PersonId dev, PersonId ops) {
        const QString d = dev.isNull() ? tr("— gap —") : m_coverage.people.value(dev).name;
        const QString o = ops.isNull() ? tr("— gap —") : m_coverage.people.value(ops).name;
        return u"%1 + %2"_s.arg(d, o);
    };
    m_changesTable->setRowCount(int(m_coverage.changes.size()));
    for (int i = 0; i < m_coverage.changes.size(); ++i) {
        const Reports::ShiftChange &c = m_coverage.changes.at(i);
        const QString zone = zones.value(c.rotation);
        setRow(m_changesTable, i,
               {QLocale().toString(c.at.toLocalTime(), u"ddd d MMM yyyy HH:mm"_s), c.actor,
                changeActionToString(c.action),
                u"%1, %2"_s.arg(rotationNames.value(c.rotation), localText(c.start, zone)),
                c.action == ChangeAction::Create ? QString() : pair(c.devBefore, c.opsBefore),
                c.action == ChangeAction::Delete ? QString() : pair(c.devAfter, c.opsAfter)});
    }
    m_changesTable->resizeColumnsToContents();
}

QString ReportsDialog::exportPath(const QString &path, const QString &filter, const QString &suffix)
{
    if (!path.isEmpty()) {
        return path;
    }
    const QStringList names = {u"fairness"_s, u"hours"_s, u"coverage"_s, u"service-coverage"_s};
    const QString suggested = QSettings().value(u"reports/folder"_s, QDir::homePath()).toString() + u'/' +
                              names.value(m_tabs->currentIndex()) + u'-' + m_from->date().toString(Qt::ISODate) +
                              suffix;
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export Report"), suggested, filter);
    if (!chosen.isEmpty()) {
        QSettings().setValue(u"reports/folder"_s, QFileInfo(chosen).absolutePath());
    }
    return chosen;
}

bool ReportsDialog::exportCsv(QString path)
{
    path = exportPath(path, tr("CSV files (*.csv)"), u".csv"_s);
    if (path.isEmpty()) {
        return false;
    }
    QByteArray csv;
    switch (m_tabs->currentIndex()) {
    case 0:
        csv = Reports::fairnessCsv(m_fairness, m_people);
        break;
    case 1:
        csv = Reports::hoursCsv(m_hours, rates());
        break;
    case 2:
        csv = Reports::coverageGapsCsv(m_coverage);
        break;
    default:
        csv = m_services->csv();
        break;
    }
    if (auto status = writeOutputFile(path, csv); !status) {
        m_message->setText(status.errorMessage());
        return false;
    }
    m_message->setText(tr("Wrote %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool ReportsDialog::exportPdf(QString path)
{
    if (m_tabs->currentWidget() == m_services) {
        m_message->setText(tr("A service's coverage is exported as CSV only."));
        return false;
    }
    path = exportPath(path, tr("PDF files (*.pdf)"), u".pdf"_s);
    if (path.isEmpty()) {
        return false;
    }
    const auto sheet = ReportService(m_workspace.database()).sheet(m_scope->scope(m_from->date(), m_to->date()));
    if (!sheet) {
        m_message->setText(sheet.errorMessage());
        return false;
    }
    const int tab = m_tabs->currentIndex();
    const QStringList titles = {tr("Fairness"), tr("On-call hours"), tr("Coverage")};
    const auto pages =
        Print::ReportRenderer::writePdf(path, Print::SheetRenderer::header(sheet.value(), titles.value(tab)),
                                        Print::Paper::A4, tab != 0, [&](Print::PageDocument &doc) {
                                            if (tab == 0) {
                                                Print::ReportRenderer::layoutFairness(doc, m_fairness, m_people);
                                            } else if (tab == 1) {
                                                Print::ReportRenderer::layoutHours(doc, m_hours, rates());
                                            } else {
                                                Print::ReportRenderer::layoutCoverage(doc, m_coverage);
                                            }
                                        });
    if (!pages) {
        m_message->setText(pages.errorMessage());
        return false;
    }
    m_message->setText(tr("Wrote %1: %n page(s).", nullptr, pages.value()).arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace Tandem
