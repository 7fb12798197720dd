#pragma once

#include "sheetrenderer.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;

namespace Tandem {

class ScopeCombo;
class Workspace;

/// Prints a rotation sheet: month grid, list or one person's shifts, for a rotation, a team or
/// a person over a period, on A4 or Letter. Preview and print go through Qt's print dialogs;
/// Export PDF writes a PDF with selectable text. The layout is the same on paper and in PDF.
class PrintSheetDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit PrintSheetDialog(Workspace &workspace, QWidget *parent = nullptr);

    /// Presets the layout and the period (from the calendar's "Print This Month").
    void setSheet(Print::SheetLayout layout, QDate from, QDate to);

    void preview();
    void print();
    /// Writes the sheet to `path` (asks for a file when empty); false, with a message, on failure.
    /// The file name Export PDF… suggests: scope, layout and first day, nothing a file system refuses.
    QString suggestedFileName() const;
    bool exportPdf(QString path = {});

private:
    /// The renderer for the current choices (their data read now), or nothing with the reason shown.
    std::optional<Print::SheetRenderer> renderer();
    void updateScope();
    void remember() const;

    Workspace &m_workspace;
    QComboBox *m_layout;
    ScopeCombo *m_scope;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_paper;
    QCheckBox *m_landscape;
    QCheckBox *m_grayscale;
    QLabel *m_message;
};

} // namespace Tandem
