#pragma once

#include <QDialog>

class QLineEdit;
class QTextBrowser;

namespace Tandem {

/// Help ▸ Tandem Manual (F1): the user's manual (the README that ships with Tandem) inside the
/// app, readable offline, with a search field. Pictures are left out; their captions stay.
class ManualDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ManualDialog(QWidget *parent = nullptr);

    /// The manual as shown: its Markdown with each picture replaced by its caption.
    static QString manualText();

private:
    void find(bool backwards);

    QLineEdit *m_search;
    QTextBrowser *m_text;
};

} // namespace Tandem
