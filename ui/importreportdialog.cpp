#include "importreportdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

ImportReportDialog::ImportReportDialog(const QString &fileName, const RosterImportPlan &plan, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"importReportDialog"_s);
    setWindowTitle(tr("Problems in %1").arg(fileName));
    const int valid = int(plan.toAdd.size() + plan.toUpdate.size());
    auto *summary =
        new QLabel(tr("%n problem(s) found. Nothing has been imported.", nullptr, int(plan.issues.size())) + u' ' +
                       (valid > 0 ? tr("%n row(s) are valid: %1 new, %2 updated.", nullptr, valid)
                                        .arg(plan.toAdd.size())
                                        .arg(plan.toUpdate.size())
                                  : tr("No row can be imported.")),
                   this);
    summary->setWordWrap(true);

    auto *table = new QTableWidget(int(plan.issues.size()), 3, this);
    table->setObjectName(u"issueTable"_s);
    table->setHorizontalHeaderLabels({tr("Line"), tr("Column"), tr("Problem")});
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(true);
    for (int row = 0; row < plan.issues.size(); ++row) {
        const CsvIssue &issue = plan.issues.at(row);
        table->setItem(row, 0, new QTableWidgetItem(QString::number(issue.line)));
        table->setItem(row, 1,
                       new QTableWidgetItem(issue.column > 0 ? u"%1 (%2)"_s.arg(issue.column).arg(issue.columnName)
                                                             : issue.columnName));
        table->setItem(row, 2, new QTableWidgetItem(issue.message));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    if (valid > 0) {
        QPushButton *importValid =
            buttons->addButton(tr("Import the %n Valid Row(s)", nullptr, valid), QDialogButtonBox::AcceptRole);
        importValid->setObjectName(u"importValidButton"_s);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(table);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(720, 400);
}

} // namespace Tandem
