#include "manualdialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

QString ManualDialog::manualText()
{
    QFile file(u":/manual/README.md"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        return tr("The manual is missing from this build.");
    }
    QString text = QString::fromUtf8(file.readAll());
    // "![caption](docs/x.png)": the caption in italics, the picture left out.
    static const QRegularExpression picture(u"!\\[([^\\]]*)\\]\\([^)]*\\)"_s);
    text.replace(picture, u"*\\1*"_s);
    return text;
}

ManualDialog::ManualDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(u"manualDialog"_s);
    setWindowTitle(tr("Tandem Manual"));
    m_text = new QTextBrowser(this);
    m_text->setObjectName(u"manualText"_s);
    m_text->setAccessibleName(tr("Tandem manual"));
    m_text->setOpenExternalLinks(true);
    m_text->setMarkdown(manualText());
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"manualSearch"_s);
    m_search->setPlaceholderText(tr("Find in the manual"));
    m_search->setAccessibleName(tr("Find in the manual"));
    m_search->setClearButtonEnabled(true);
    auto *label = new QLabel(tr("&Find:"), this);
    label->setBuddy(m_search);
    auto *next = new QPushButton(tr("&Next"), this);
    auto *previous = new QPushButton(tr("&Previous"), this);
    auto *row = new QHBoxLayout;
    row->addWidget(label);
    row->addWidget(m_search, 1);
    row->addWidget(previous);
    row->addWidget(next);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { find(false); });
    connect(next, &QPushButton::clicked, this, [this] { find(false); });
    connect(previous, &QPushButton::clicked, this, [this] { find(true); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(820, 640);
}

void ManualDialog::find(bool backwards)
{
    const QString text = m_search->text();
    if (text.isEmpty()) {
        return;
    }
    const QTextDocument::FindFlags flags = backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (!m_text->find(text, flags)) {
        // From the other end once, as editors do.
        QTextCursor cursor = m_text->textCursor();
        cursor.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
        m_text->setTextCursor(cursor);
        m_text->find(text, flags);
    }
}

} // namespace Tandem
