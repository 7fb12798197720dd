#pragma once

#include "services/rostercsv.h"

#include <QDialog>

namespace Tandem {

/// Lists what is wrong in a roster file, by line and column, and lets the user import the
/// valid rows explicitly or cancel (nothing imported).
class ImportReportDialog final : public QDialog
{
    Q_OBJECT

public:
    ImportReportDialog(const QString &fileName, const RosterImportPlan &plan, QWidget *parent = nullptr);
};

} // namespace Tandem
