#pragma once

#include "planner/planner.h"
#include "reports/coveragereport.h"
#include "reports/hoursreport.h"

#include <QDialog>

class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace Tandem {

class FairnessChartWidget;
class FairnessModel;
class ScopeCombo;
class ServiceCoverageWidget;
class Workspace;

/// The reports in the app: fairness (table and pictures), on-call hours for payroll, and
/// coverage for auditors, for a team or a rotation over a period; each exported as CSV or PDF.
class ReportsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ReportsDialog(Workspace &workspace, QWidget *parent = nullptr);

    /// Reads the reports again for the current scope and period.
    void refresh();
    /// Writes the current tab's report; asks for a file when `path` is empty.
    bool exportCsv(QString path = {});
    bool exportPdf(QString path = {});

private:
    void showHours();
    /// Fills the hours table; returns what went wrong reading it, or empty.
    QString hoursProblem();
    void showCoverage();
    Reports::HourRates rates() const;
    QString exportPath(const QString &path, const QString &filter, const QString &suffix);

    Workspace &m_workspace;
    ScopeCombo *m_scope;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QTabWidget *m_tabs;
    FairnessModel *m_fairnessModel;
    QTableView *m_fairnessView;
    FairnessChartWidget *m_chart;
    QDoubleSpinBox *m_rates[3];
    QTableWidget *m_hoursTable;
    QLabel *m_coverageSummary;
    QTableWidget *m_gapsTable;
    QTableWidget *m_changesTable;
    ServiceCoverageWidget *m_services;
    QLabel *m_message;

    Planner::FairnessSummary m_fairness;
    QHash<PersonId, Person> m_people;
    QList<Reports::HoursRow> m_hours;
    Reports::CoverageReport m_coverage;
};

} // namespace Tandem
