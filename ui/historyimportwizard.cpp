#include "historyimportwizard.h"

#include "domain/localeformat.h"
#include "services/icalservice.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include <functional>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

/// A wizard page whose Next/Import button follows a condition of the wizard's.
class CheckedPage final : public QWizardPage
{
public:
    explicit CheckedPage(std::function<bool()> complete) : m_complete(std::move(complete)) {}
    bool isComplete() const override { return m_complete(); }
    void changed() { Q_EMIT completeChanged(); }

private:
    std::function<bool()> m_complete;
};

} // namespace

HistoryImportWizard::HistoryImportWizard(Database &db, const QString &fileName, QWidget *parent)
    : QWizard(parent), m_db(db)
{
    setObjectName(u"historyImportWizard"_s);
    setWindowTitle(tr("Import On-Call History"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, tr("&Import"));
    if (auto rotations = RotationService(db).rotations()) {
        m_rotations = rotations.value();
    }
    if (auto people = RosterService(db).people()) {
        m_people = people.value();
        std::sort(m_people.begin(), m_people.end(),
                  [](const Person &a, const Person &b) { return a.name.localeAwareCompare(b.name) < 0; });
    }

    // 1. Rotation, seat, file.
    auto *source = new CheckedPage([this] { return sourceComplete(); });
    source->setObjectName(u"sourcePage"_s);
    source->setTitle(tr("Past On-Call from Another Tool"));
    source->setSubTitle(tr("Choose the rotation, the seat the file's people took, and the calendar export (.ics) of "
                           "PagerDuty, Opsgenie, Grafana OnCall or any calendar whose events name who was on "
                           "call. Only shifts that have ended are imported; they count for fairness from then on."));
    auto *intro = new QLabel(source->subTitle(), source);
    intro->setWordWrap(true);
    m_rotationCombo = new QComboBox(source);
    m_rotationCombo->setObjectName(u"rotationCombo"_s);
    m_rotationCombo->setAccessibleName(tr("Rotation"));
    for (const Rotation &rotation : std::as_const(m_rotations)) {
        m_rotationCombo->addItem(rotation.name);
    }
    m_seatCombo = new QComboBox(source);
    m_seatCombo->setObjectName(u"seatCombo"_s);
    m_seatCombo->setAccessibleName(tr("Seat"));
    m_seatCombo->addItem(tr("Developer"));
    m_seatCombo->addItem(tr("Operations"));
    m_fileEdit = new QLineEdit(fileName, source);
    m_fileEdit->setObjectName(u"fileEdit"_s);
    m_fileEdit->setAccessibleName(tr("Calendar file"));
    m_fileEdit->setPlaceholderText(tr("schedule.ics"));
    auto *browse = new QPushButton(tr("&Browse…"), source);
    browse->setObjectName(u"browseButton"_s);
    browse->setAccessibleName(tr("Browse for the calendar file"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(browse);
    auto *form = new QFormLayout(source);
    form->addRow(intro);
    form->addRow(tr("&Rotation:"), m_rotationCombo);
    form->addRow(tr("&Seat:"), m_seatCombo);
    form->addRow(tr("&File:"), fileRow);
    // QFormLayout makes the label of a layout row no buddy: the mnemonic reaches the line edit.
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(fileRow))) {
        label->setBuddy(m_fileEdit);
    }
    source->setSubTitle({});
    connect(m_fileEdit, &QLineEdit::textChanged, source, &CheckedPage::changed);
    connect(m_rotationCombo, &QComboBox::currentIndexChanged, source, &CheckedPage::changed);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString folder = QSettings().value(u"import/folder"_s, QDir::homePath()).toString();
        const QString path = QFileDialog::getOpenFileName(this, tr("Calendar Export"), folder,
                                                          tr("iCalendar files (*.ics);;All files (*)"));
        if (!path.isEmpty()) {
            QSettings().setValue(u"import/folder"_s, QFileInfo(path).absolutePath());
            m_fileEdit->setText(path);
        }
    });
    setPage(SourcePageId, source);

    // 2. Preview, names to resolve, import.
    auto *previewPage = new CheckedPage([this] { return m_previewOk && m_preview.toWrite() > 0; });
    previewPage->setObjectName(u"previewPage"_s);
    previewPage->setTitle(tr("Preview"));
    m_summary = new QLabel(previewPage);
    m_summary->setObjectName(u"summaryLabel"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    m_summary->setFocusPolicy(Qt::StrongFocus);
    m_previewTable = new QTableWidget(0, 5, previewPage);
    m_previewTable->setObjectName(u"previewTable"_s);
    m_previewTable->setAccessibleName(tr("Events of the file"));
    m_previewTable->setAccessibleDescription(tr("Each event: when, who it names, how they were found on the "
                                                "roster, and what the import does with it"));
    m_previewTable->setHorizontalHeaderLabels({tr("From"), tr("To"), tr("Who"), tr("Found"), tr("Import")});
    m_previewTable->verticalHeader()->hide();
    m_previewTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_previewTable->setTabKeyNavigation(false);
    m_previewTable->horizontalHeader()->setStretchLastSection(true);
    m_resolveLabel =
        new QLabel(tr("&Names to resolve: choose who each one is, or leave it to skip its events."), previewPage);
    m_resolveLabel->setWordWrap(true);
    m_resolveTable = new QTableWidget(0, 3, previewPage);
    m_resolveTable->setObjectName(u"resolveTable"_s);
    m_resolveTable->setAccessibleName(tr("Names to resolve"));
    m_resolveTable->setHorizontalHeaderLabels({tr("In the file"), tr("Why"), tr("Person")});
    m_resolveTable->verticalHeader()->hide();
    m_resolveTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_resolveTable->setTabKeyNavigation(false);
    m_resolveTable->horizontalHeader()->setStretchLastSection(true);
    m_resolveLabel->setBuddy(m_resolveTable);
    auto *layout = new QVBoxLayout(previewPage);
    layout->addWidget(m_summary);
    layout->addWidget(m_previewTable, 3);
    layout->addWidget(m_resolveLabel);
    layout->addWidget(m_resolveTable, 1);
    setPage(PreviewPageId, previewPage);

    for (QWizard::WizardButton which :
         {QWizard::BackButton, QWizard::NextButton, QWizard::FinishButton, QWizard::CancelButton}) {
        if (QAbstractButton *b = button(which)) {
            b->setAccessibleName(b->text().remove(u'&').remove(u'<').remove(u'>').trimmed());
        }
    }
    resize(900, 620);
}

QString HistoryImportWizard::rotationName() const
{
    return m_preview.rotationName;
}

bool HistoryImportWizard::sourceComplete() const
{
    return m_rotationCombo->currentIndex() >= 0 && !m_fileEdit->text().trimmed().isEmpty();
}

void HistoryImportWizard::initializePage(int id)
{
    QWizard::initializePage(id);
    if (id == PreviewPageId) {
        m_choices.clear();
        refreshPreview();
        fillResolveTable();
    }
}

void HistoryImportWizard::refreshPreview()
{
    m_previewOk = false;
    const int index = m_rotationCombo->currentIndex();
    const Seat seat = m_seatCombo->currentIndex() == 1 ? Seat::Ops : Seat::Dev;
    Result<HistoryPreview> computed = Error{tr("Choose a rotation.")};
    if (index >= 0 && index < m_rotations.size()) {
        const auto bytes = IcalService::readFile(m_fileEdit->text().trimmed());
        computed = bytes ? HistoryImportService(m_db).preview(m_rotations.at(index).id, seat, bytes.value(), m_choices)
                         : Result<HistoryPreview>(bytes.error());
    }
    if (!computed) {
        m_preview = HistoryPreview{};
        m_summary->setText(tr("The file cannot be imported: %1").arg(computed.errorMessage()));
    } else {
        m_preview = computed.value();
        m_previewOk = true;
        const HistoryPreview &p = m_preview;
        const QString other = seat == Seat::Dev ? tr("ops") : tr("developer");
        m_summary->setText(
            tr("%n event(s) in the file.", nullptr, int(p.events.size())) + u' ' +
            tr("The import adds %1 past shift(s) and fills %2 empty seat(s); %3 already there, %4 not imported "
               "(conflicts), %5 not past, %6 not a shift, %7 without a person.")
                .arg(p.count(HistoryAction::Add))
                .arg(p.count(HistoryAction::Fill))
                .arg(p.count(HistoryAction::AlreadyThere))
                .arg(p.count(HistoryAction::Conflict))
                .arg(p.count(HistoryAction::NotPast))
                .arg(p.count(HistoryAction::Invalid))
                .arg(p.count(HistoryAction::NoPerson)) +
            u' ' +
            tr("The %1 seat of new shifts stays empty (unknown) until you fill it or import that seat's export.")
                .arg(other));
    }
    m_summary->setAccessibleName(m_summary->text());
    fillPreviewTable();
    static_cast<CheckedPage *>(page(PreviewPageId))->changed();
}

void HistoryImportWizard::fillPreviewTable()
{
    QHash<PersonId, QString> names;
    for (const Person &p : std::as_const(m_people)) {
        names.insert(p.id, p.name);
    }
    const int index = m_rotationCombo->currentIndex();
    const QTimeZone zone =
        index >= 0 && index < m_rotations.size() ? QTimeZone(m_rotations.at(index).timeZone.toUtf8()) : QTimeZone();
    auto when = [&zone](const QDateTime &t) {
        return LocaleFormat::dateTime(zone.isValid() ? t.toTimeZone(zone) : t.toLocalTime(), true, true);
    };
    m_previewTable->setRowCount(int(m_preview.events.size()));
    for (int row = 0; row < m_preview.events.size(); ++row) {
        const HistoryEvent &e = m_preview.events.at(row);
        const QString who = e.person.isNull() ? e.who : names.value(e.person);
        QString what = historyActionText(e.action);
        if (!e.reason.isEmpty()) {
            what += u": "_s + e.reason;
        }
        const QStringList cells = {when(e.start), when(e.end), who, historyMatchText(e.match), what};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(column == 2 ? e.summary : cells.at(column));
            m_previewTable->setItem(row, column, item);
        }
    }
    m_previewTable->resizeColumnsToContents();
    m_previewTable->horizontalHeader()->setStretchLastSection(true);
}

void HistoryImportWizard::fillResolveTable()
{
    // Built once per preview page from the names the file leaves open; a choice keeps its row, so
    // that it can be changed again.
    const Seat seat = m_seatCombo->currentIndex() == 1 ? Seat::Ops : Seat::Dev;
    QList<QPair<QString, QList<PersonId>>> rows = m_preview.ambiguous;
    for (const auto &[text, count] : m_preview.unmatched) {
        Q_UNUSED(count)
        rows.append({text, {}});
    }
    m_resolveTable->setRowCount(int(rows.size()));
    QHash<PersonId, Person> byId;
    for (const Person &p : std::as_const(m_people)) {
        byId.insert(p.id, p);
    }
    for (int row = 0; row < rows.size(); ++row) {
        const auto &[text, candidates] = rows.at(row);
        m_resolveTable->setItem(row, 0, new QTableWidgetItem(text));
        m_resolveTable->setItem(row, 1,
                                new QTableWidgetItem(candidates.isEmpty()
                                                         ? tr("Not on the roster")
                                                         : tr("Name of %n people", nullptr, int(candidates.size()))));
        auto *combo = new QComboBox(m_resolveTable);
        combo->setObjectName(u"personCombo%1"_s.arg(row));
        combo->setAccessibleName(tr("Person for “%1”").arg(text));
        combo->addItem(tr("Skip its events"));
        QList<PersonId> offered = candidates;
        if (offered.isEmpty()) {
            // Anyone on the roster who can take the seat (a login or an old e-mail of someone).
            for (const Person &p : std::as_const(m_people)) {
                if (seat == Seat::Dev ? p.role == Role::Developer : p.productionAccess) {
                    offered.append(p.id);
                }
            }
        }
        for (const PersonId &id : std::as_const(offered)) {
            const Person &p = byId.value(id);
            combo->addItem(u"%1 <%2>"_s.arg(p.name, p.email), QVariant::fromValue(id.toString()));
        }
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, text] {
            const QString id = combo->currentData().toString();
            if (id.isEmpty()) {
                m_choices.remove(text);
            } else {
                m_choices.insert(text, PersonId::fromString(id));
            }
            refreshPreview();
        });
        m_resolveTable->setCellWidget(row, 2, combo);
    }
    m_resolveTable->resizeColumnsToContents();
    m_resolveTable->horizontalHeader()->setStretchLastSection(true);
    m_resolveLabel->setVisible(!rows.isEmpty());
    m_resolveTable->setVisible(!rows.isEmpty());
}

bool HistoryImportWizard::validateCurrentPage()
{
    if (currentId() != PreviewPageId) {
        return QWizard::validateCurrentPage();
    }
    auto applied = HistoryImportService(m_db).apply(m_preview);
    if (!applied) {
        // The data moved on (another window, a sync): show what an import would do now, and why
        // nothing was written.
        refreshPreview();
        m_summary->setText(tr("Nothing was imported: %1").arg(applied.errorMessage()) + u"\n\n"_s + m_summary->text());
        m_summary->setAccessibleName(m_summary->text());
        return false;
    }
    m_applied = applied.value();
    return true;
}

} // namespace Tandem
