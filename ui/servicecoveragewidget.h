#pragma once

#include "reports/servicecoverage.h"

#include <QDate>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace Tandem {

class Database;

/// The Reports dialog's "Service coverage" tab: pick a follow-the-sun service; over the period
/// (the service's local days) its share covered by a pair, and a table of its holes (not covered,
/// no pair) and of the overlaps between its legs, in the service's zone.
class ServiceCoverageWidget final : public QWidget
{
    Q_OBJECT

public:
    explicit ServiceCoverageWidget(Database &db, QWidget *parent = nullptr);

    /// Reads the services and the selected one's coverage over [from, to] (days, both included).
    void setPeriod(QDate from, QDate to);
    /// Selects the service named `name`; false when there is none.
    bool selectService(const QString &name);
    const Reports::ServiceCoverage &coverage() const { return m_coverage; }
    /// The holes and overlaps as CSV (reports/servicecoverage.h).
    QByteArray csv() const { return Reports::serviceCoverageCsv(m_coverage); }

private:
    void fill();

    Database &m_db;
    QDate m_from;
    QDate m_to;
    QComboBox *m_service;
    QLabel *m_summary;
    QTableWidget *m_table;
    Reports::ServiceCoverage m_coverage;
};

} // namespace Tandem
