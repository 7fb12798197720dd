#include "printsheetdialog.h"

#include "domain/clock.h"
#include "scopecombo.h"
#include "services/reportservice.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "sheetrenderer.h"
#include "store/database.h"
#include "workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

PrintSheetDialog::PrintSheetDialog(Workspace &workspace, QWidget *parent) : QDialog(parent), m_workspace(workspace)
{
    setWindowTitle(tr("Print Rotation Sheet"));
    setObjectName(u"printSheetDialog"_s);
    QSettings settings;

    m_layout = new QComboBox(this);
    m_layout->setObjectName(u"layoutCombo"_s);
    for (Print::SheetLayout layout :
         {Print::SheetLayout::Month, Print::SheetLayout::List, Print::SheetLayout::Person}) {
        m_layout->addItem(Print::SheetRenderer::layoutName(layout), int(layout));
    }
    m_layout->setCurrentIndex(m_layout->findData(settings.value(u"print/layout"_s, 1).toInt()));
    m_scope = new ScopeCombo(workspace, this);
    m_scope->setObjectName(u"scopeCombo"_s);

    // Default period: the coming month, or what was printed last time.
    const QDate today = Clock::current().today();
    const QDate first = QDate(today.year(), today.month(), 1).addMonths(1);
    m_from = new QDateEdit(first, this);
    m_from->setObjectName(u"fromDate"_s);
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(first.addDays(first.daysInMonth() - 1), this);
    m_to->setObjectName(u"toDate"_s);
    m_to->setCalendarPopup(true);
    m_paper = new QComboBox(this);
    m_paper->addItem(tr("A4"), int(Print::Paper::A4));
    m_paper->addItem(tr("Letter"), int(Print::Paper::Letter));
    m_paper->setCurrentIndex(m_paper->findData(settings.value(u"print/paper"_s, int(Print::Paper::A4)).toInt()));
    m_landscape = new QCheckBox(tr("&Landscape"), this);
    m_landscape->setChecked(settings.value(u"print/landscape"_s, false).toBool());
    m_grayscale = new QCheckBox(tr("&Grayscale-friendly (patterns instead of colours)"), this);
    m_grayscale->setChecked(settings.value(u"print/grayscale"_s, false).toBool());
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(u"color: #b00020;"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("&Layout:"), m_layout);
    form->addRow(tr("&Print:"), m_scope);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To (included):"), m_to);
    form->addRow(tr("P&aper:"), m_paper);
    form->addRow(QString(), m_landscape);
    form->addRow(QString(), m_grayscale);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *previewButton = buttons->addButton(tr("Pre&view…"), QDialogButtonBox::ActionRole);
    QPushButton *printButton = buttons->addButton(tr("P&rint…"), QDialogButtonBox::ActionRole);
    QPushButton *pdfButton = buttons->addButton(tr("Export P&DF…"), QDialogButtonBox::ActionRole);
    previewButton->setObjectName(u"previewButton"_s);
    pdfButton->setObjectName(u"pdfButton"_s);
    previewButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_layout, &QComboBox::currentIndexChanged, this, &PrintSheetDialog::updateScope);
    connect(m_from, &QDateEdit::dateChanged, this, [this](QDate date) {
        if (m_to->date() < date) {
            m_to->setDate(date);
        }
    });
    connect(previewButton, &QPushButton::clicked, this, &PrintSheetDialog::preview);
    connect(printButton, &QPushButton::clicked, this, &PrintSheetDialog::print);
    connect(pdfButton, &QPushButton::clicked, this, [this] { exportPdf(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateScope();
    resize(460, sizeHint().height());
}

void PrintSheetDialog::setSheet(Print::SheetLayout layout, QDate from, QDate to)
{
    m_layout->setCurrentIndex(m_layout->findData(int(layout)));
    m_from->setDate(from);
    m_to->setDate(to);
}

void PrintSheetDialog::updateScope()
{
    // A personal sheet is for a person; the others for a rotation or a whole team.
    const bool people = Print::SheetLayout(m_layout->currentData().toInt()) == Print::SheetLayout::Person;
    const bool first = m_scope->count() == 0 || m_scope->key().isEmpty();
    m_scope->fill(people);
    if (first || m_scope->currentIndex() == 0) {
        const QString remembered = QSettings().value(u"print/scope"_s).toString();
        if (m_scope->findData(remembered) >= 0) {
            m_scope->setKey(remembered);
        }
    }
}

void PrintSheetDialog::remember() const
{
    QSettings settings;
    settings.setValue(u"print/layout"_s, m_layout->currentData());
    settings.setValue(u"print/scope"_s, m_scope->currentData());
    settings.setValue(u"print/paper"_s, m_paper->currentData());
    settings.setValue(u"print/landscape"_s, m_landscape->isChecked());
    settings.setValue(u"print/grayscale"_s, m_grayscale->isChecked());
}

std::optional<Print::SheetRenderer> PrintSheetDialog::renderer()
{
    // The sheet's data is read once; painting needs no database after that.
    auto sheet = ReportService(m_workspace.database()).sheet(m_scope->scope(m_from->date(), m_to->date()));
    if (!sheet) {
        m_message->setText(sheet.errorMessage());
        return std::nullopt;
    }
    m_message->clear();
    remember();
    return Print::SheetRenderer(std::move(sheet).value(),
                                {Print::SheetLayout(m_layout->currentData().toInt()), m_grayscale->isChecked()});
}

void PrintSheetDialog::preview()
{
    const auto renderer = this->renderer();
    if (!renderer) {
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    Print::setUpPage(printer, Print::Paper(m_paper->currentData().toInt()), m_landscape->isChecked());
    // The preview's own page settings replace QPageSetupDialog, which crashes on Debian's Qt 6.4.2.
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print Preview"));
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, [&](QPrinter *target) {
        if (auto pages = renderer->render(*target); !pages) {
            m_message->setText(pages.errorMessage());
        }
    });
    dialog.resize(900, 1000);
    dialog.exec();
}

void PrintSheetDialog::print()
{
    const auto renderer = this->renderer();
    if (!renderer) {
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    Print::setUpPage(printer, Print::Paper(m_paper->currentData().toInt()), m_landscape->isChecked());
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    if (auto pages = renderer->render(printer); !pages) {
        m_message->setText(pages.errorMessage());
    }
}

QString PrintSheetDialog::suggestedFileName() const
{
    // A name every file system takes: no colon ("Rotation sheet: month"), slash or the like.
    static const QRegularExpression unsafe(u"[\\\\/:*?\"<>|]+"_s);
    QString name = m_scope->currentText().section(u" ("_s, 0, 0) + u' ' + m_layout->currentText() + u' ' +
                   m_from->date().toString(Qt::ISODate);
    return name.replace(unsafe, u" "_s).simplified() + u".pdf"_s;
}

bool PrintSheetDialog::exportPdf(QString path)
{
    const auto renderer = this->renderer();
    if (!renderer) {
        return false;
    }
    if (path.isEmpty()) {
        const QString suggested =
            QSettings().value(u"print/folder"_s, QDir::homePath()).toString() + u'/' + suggestedFileName();
        path = QFileDialog::getSaveFileName(this, tr("Export Sheet as PDF"), suggested, tr("PDF files (*.pdf)"));
        if (path.isEmpty()) {
            return false;
        }
    }
    QSettings().setValue(u"print/folder"_s, QFileInfo(path).absolutePath());
    const auto pages = renderer->writePdf(path, Print::Paper(m_paper->currentData().toInt()), m_landscape->isChecked());
    if (!pages) {
        m_message->setText(pages.errorMessage());
        return false;
    }
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Wrote %1: %n page(s).", nullptr, pages.value()).arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace Tandem
