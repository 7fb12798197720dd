#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace Tandem {

/// Picks one entry of a list, for the calendar's keyboard commands (Assign Developer…, Swap Pair
/// With…). Typing in the search field filters the rows (every word must match); Up, Down, Page Up
/// and Page Down there move the highlighted row; Return and OK pick the highlighted row and
/// nothing else (no highlighted row, no pick). A row may be refused: it stays visible, greyed,
/// with the reason, so the list says why someone cannot take the seat.
class PickDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Item
    {
        QString text;   ///< "Jonas Becker · jonas@example.com"
        QString detail; ///< what picking it does, or why it is refused
        bool allowed = true;
    };

    PickDialog(const QString &title, const QString &label, QWidget *parent = nullptr);

    void setItems(const QList<Item> &items);
    /// Highlights `row` when it is allowed and shown; -1 highlights nothing.
    void setCurrentRow(int row);
    /// The highlighted row (the pick, once the dialog is accepted); -1 for none.
    int currentRow() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filter(const QString &text);
    void updateOk();
    void tryAccept();

    QLabel *m_label;
    QLineEdit *m_search;
    QListWidget *m_list;
    QDialogButtonBox *m_buttons;
};

} // namespace Tandem
