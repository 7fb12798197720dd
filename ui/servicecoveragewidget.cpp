#include "servicecoveragewidget.h"

#include "domain/localeformat.h"
#include "services/servicecatalog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

ServiceCoverageWidget::ServiceCoverageWidget(Database &db, QWidget *parent) : QWidget(parent), m_db(db)
{
    setObjectName(u"serviceCoverage"_s);
    m_service = new QComboBox(this);
    m_service->setObjectName(u"serviceCombo"_s);
    m_service->setAccessibleName(tr("Service"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"serviceCoverageSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(u"serviceHolesTable"_s);
    m_table->setAccessibleName(tr("Holes and overlaps of the service"));
    m_table->setHorizontalHeaderLabels({tr("Kind"), tr("From"), tr("To"), tr("Minutes"), tr("Legs"), tr("Why")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *form = new QFormLayout;
    form->addRow(tr("S&ervice:"), m_service);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    connect(m_service, &QComboBox::currentIndexChanged, this, &ServiceCoverageWidget::fill);
}

void ServiceCoverageWidget::setPeriod(QDate from, QDate to)
{
    m_from = from;
    m_to = to;
    const QString current = m_service->currentData().toString();
    const auto services = ServiceCatalog(m_db).services();
    {
        const QSignalBlocker blocker(m_service);
        m_service->clear();
        for (const Service &s : services.value_or({})) {
            m_service->addItem(s.name, s.id.toString());
        }
        const int index = m_service->findData(current);
        m_service->setCurrentIndex(index >= 0 ? index : 0);
    }
    fill();
}

bool ServiceCoverageWidget::selectService(const QString &name)
{
    const int index = m_service->findText(name, Qt::MatchFixedString);
    if (index < 0) {
        return false;
    }
    m_service->setCurrentIndex(index);
    fill();
    return true;
}

void ServiceCoverageWidget::fill()
{
    m_coverage = {};
    m_table->setRowCount(0);
    if (m_service->count() == 0) {
        m_summary->setText(tr("No service yet: add one with Rotations ▸ Services…"));
        return;
    }
    const auto c =
        ServiceCatalog(m_db).coverage(ServiceId::fromString(m_service->currentData().toString()), m_from, m_to);
    if (!c) {
        m_summary->setText(c.errorMessage());
        return;
    }
    m_coverage = c.value();
    m_summary->setText(
        tr("%1 (%2): %3% covered by a pair; %4 minutes not covered, %5 minutes without a pair; "
           "%6 minutes of overlap between legs.")
            .arg(m_coverage.name, m_coverage.timeZone, QLocale().toString(m_coverage.coveredPercent(), 'f', 2))
            .arg(m_coverage.uncoveredMinutes)
            .arg(m_coverage.noPairMinutes)
            .arg(m_coverage.overlapMinutes));
    const QTimeZone zone(m_coverage.timeZone.toUtf8());
    const auto local = [&](const QDateTime &utc) { return LocaleFormat::dateTime(utc.toTimeZone(zone)); };
    QList<QStringList> rows;
    QList<bool> alarm;
    qsizetype h = 0;
    qsizetype o = 0;
    while (h < m_coverage.holes.size() || o < m_coverage.overlaps.size()) {
        if (o >= m_coverage.overlaps.size() ||
            (h < m_coverage.holes.size() && m_coverage.holes.at(h).start <= m_coverage.overlaps.at(o).start)) {
            const Reports::ServiceHole &x = m_coverage.holes.at(h++);
            rows.append({Reports::serviceHoleKindText(x.kind), local(x.start), local(x.end),
                         QString::number(x.minutes()), m_coverage.legNames(x.legs),
                         x.kind == Reports::ServiceHole::NoPair ? Reports::gapReasonText(x.reason) : QString()});
            alarm.append(true);
        } else {
            const Reports::ServiceOverlap &x = m_coverage.overlaps.at(o++);
            rows.append({tr("overlap"), local(x.start), local(x.end), QString::number(x.minutes()),
                         m_coverage.legNames(x.legs), QString()});
            alarm.append(false);
        }
    }
    m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int column = 0; column < rows.at(r).size(); ++column) {
            auto *item = new QTableWidgetItem(rows.at(r).at(column));
            if (alarm.at(r) && column == 0) {
                item->setForeground(QColor(0xb0, 0x00, 0x20));
            }
            m_table->setItem(r, column, item);
        }
    }
    m_table->resizeColumnsToContents();
}

} // namespace Tandem
