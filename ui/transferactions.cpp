#include "transferactions.h"

#include "historyimportwizard.h"
#include "importreportdialog.h"
#include "itemmodels/plancommands.h"
#include "itemmodels/rostercommands.h"
#include "mainwindow.h"
#include "services/fileio.h"
#include "services/icalservice.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "store/database.h"
#include "workspace.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

#include <functional>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

enum class Pick { Open, Save };

// The file to read or write: `given` (the command line, tests) or what the user picks in a file
// dialog that opens in the folder of the last file (`suggested` names the file to save). The
// folder is remembered for the next time; empty when the dialog was cancelled.
QString chooseFile(QWidget *parent, const QString &given, Pick pick, const QString &title, const QString &suggested,
                   const QString &filter)
{
    QString path = given;
    if (path.isEmpty()) {
        const QString folder = QSettings().value(u"import/folder"_s, QDir::homePath()).toString();
        path = pick == Pick::Open ? QFileDialog::getOpenFileName(parent, title, folder, filter)
                                  : QFileDialog::getSaveFileName(parent, title, folder + u'/' + suggested, filter);
    }
    if (!path.isEmpty()) {
        QSettings().setValue(u"import/folder"_s, QFileInfo(path).absolutePath());
    }
    return path;
}

} // namespace

TransferActions::TransferActions(MainWindow &window) : QObject(&window), m_window(window) {}

void TransferActions::importRoster(const QString &fileName)
{
    if (!m_window.m_workspace) {
        return;
    }
    const QString path =
        chooseFile(&m_window, fileName, Pick::Open, tr("Import Roster"), {}, tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    const auto bytes = readInputFile(path, MaxRosterCsvBytes);
    if (!bytes) {
        m_window.showError(tr("Cannot Import Roster"), bytes.errorMessage());
        return;
    }
    const auto plan = m_window.m_workspace->roster().planImport(parseRosterCsv(bytes.value()));
    if (!plan) {
        m_window.showError(tr("Cannot Import Roster"), plan.errorMessage());
        return;
    }
    bool validOnly = false;
    if (!plan->isValid()) {
        ImportReportDialog report(QFileInfo(path).fileName(), plan.value(), &m_window);
        if (report.exec() != QDialog::Accepted) {
            m_window.statusBar()->showMessage(tr("Import cancelled; nothing was imported."), 8000);
            return;
        }
        validOnly = true;
    }
    const auto summary = m_window.m_workspace->editor().importRoster(plan.value(), validOnly);
    if (!summary) {
        m_window.showError(tr("Cannot Import Roster"), summary.errorMessage());
        return;
    }
    m_window.statusBar()->showMessage(tr("Imported %1: %2 added, %3 updated, %4 unchanged, %5 skipped.")
                                          .arg(QFileInfo(path).fileName())
                                          .arg(summary->added)
                                          .arg(summary->updated)
                                          .arg(summary->unchanged)
                                          .arg(summary->skipped),
                                      10000);
    if (!plan->notes.isEmpty()) {
        // Not problems, but the roster now says something other than the file: say what.
        QStringList lines;
        for (const CsvIssue &note : plan->notes) {
            lines.append(tr("Line %1: %2").arg(note.line).arg(note.message));
        }
        // Window-modal, not blocking: the import is done, this only says what it did.
        auto *box = new QMessageBox(
            QMessageBox::Information, tr("Roster Imported"),
            tr("%1 was imported. Some values were stored as their current names:").arg(QFileInfo(path).fileName()),
            QMessageBox::Ok, &m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setObjectName(u"importNotesBox"_s);
        box->setDetailedText(lines.join(u'\n'));
        box->setInformativeText(lines.mid(0, 5).join(u'\n') + (lines.size() > 5 ? u"\n…"_s : QString()));
        box->open();
    }
    m_window.updatePage();
}

void TransferActions::exportRoster(const QString &fileName)
{
    if (!m_window.m_workspace) {
        return;
    }
    const QString path =
        chooseFile(&m_window, fileName, Pick::Save, tr("Export Roster"), u"roster.csv"_s, tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    const auto csv = m_window.m_workspace->roster().exportCsv();
    if (!csv) {
        m_window.showError(tr("Cannot Export Roster"), csv.errorMessage());
        return;
    }
    if (auto status = writeOutputFile(path, csv.value()); !status) {
        m_window.showError(tr("Cannot Export Roster"), status.errorMessage());
        return;
    }
    m_window.statusBar()->showMessage(tr("Exported the roster to %1").arg(QDir::toNativeSeparators(path)), 8000);
}

void TransferActions::exportIcal(const QString &fileName)
{
    if (!m_window.m_workspace) {
        return;
    }
    // What to export: a team, a rotation or a person, picked from one list.
    struct Choice
    {
        QString label;
        std::function<Result<QByteArray>(IcalService &, QDate, QDate)> run;
    };
    QList<Choice> choices;
    const auto teams = m_window.m_workspace->roster().teams();
    const auto rotations = m_window.m_workspace->rotations().rotations();
    if (!teams || !rotations) {
        m_window.showError(tr("Cannot Export iCalendar"), (teams ? rotations.error() : teams.error()).message);
        return;
    }
    for (const Team &team : teams.value()) {
        choices.append({tr("Team: %1").arg(team.name),
                        [id = team.id](IcalService &s, QDate from, QDate to) { return s.exportTeam(id, from, to); }});
    }
    for (const Rotation &rotation : rotations.value()) {
        choices.append(
            {tr("Rotation: %1").arg(rotation.name),
             [id = rotation.id](IcalService &s, QDate from, QDate to) { return s.exportRotation(id, from, to); }});
    }
    const Person person = m_window.currentPerson();
    if (!person.id.isNull()) {
        choices.append({tr("Person: %1").arg(person.name), [id = person.id](IcalService &s, QDate from, QDate to) {
                            return s.exportPerson(id, from, to);
                        }});
    }
    if (choices.isEmpty()) {
        m_window.showError(tr("Cannot Export iCalendar"), tr("There is no team, rotation or person to export yet."));
        return;
    }
    QStringList labels;
    for (const Choice &c : choices) {
        labels << c.label;
    }
    bool ok = false;
    const QString picked = QInputDialog::getItem(&m_window, tr("Export iCalendar"),
                                                 tr("Shifts of the next 365 days (teams and people with their time "
                                                    "off):"),
                                                 labels, 0, false, &ok);
    if (!ok) {
        return;
    }
    const QString path = chooseFile(&m_window, fileName, Pick::Save, tr("Export iCalendar"), u"shifts.ics"_s,
                                    tr("iCalendar files (*.ics)"));
    if (path.isEmpty()) {
        return;
    }
    IcalService service(m_window.m_workspace->database());
    const auto [from, to] = IcalService::defaultExportPeriod(m_window.m_workspace->database().clock().now().date());
    const auto ics = choices.at(labels.indexOf(picked)).run(service, from, to);
    if (!ics) {
        m_window.showError(tr("Cannot Export iCalendar"), ics.errorMessage());
        return;
    }
    if (auto status = IcalService::writeFile(path, ics.value()); !status) {
        m_window.showError(tr("Cannot Export iCalendar"), status.errorMessage());
        return;
    }
    m_window.statusBar()->showMessage(tr("Exported %1 to %2").arg(picked, QDir::toNativeSeparators(path)), 8000);
}

void TransferActions::importTimeOffIcal(const QString &fileName)
{
    if (!m_window.m_workspace) {
        return;
    }
    const Person person = m_window.currentPerson();
    if (person.id.isNull()) {
        m_window.showError(tr("Cannot Import Time Off"), tr("Select the person in the roster whose time off it is."));
        return;
    }
    const QString path = chooseFile(&m_window, fileName, Pick::Open, tr("Import Time Off of %1").arg(person.name), {},
                                    tr("iCalendar files (*.ics);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    const auto bytes = IcalService::readFile(path);
    const auto [from, to] = IcalService::defaultImportPeriod(m_window.m_workspace->database().clock().now().date());
    const auto result =
        bytes ? IcalService(m_window.m_workspace->database()).importTimeOff(person.id, bytes.value(), from, to)
              : Result<IcalImportSummary>(bytes.error());
    if (!result) {
        m_window.showError(tr("Cannot Import Time Off"), tr("Nothing was imported. %1").arg(result.errorMessage()));
        return;
    }
    m_window.m_workspace->editor().recordTimeOffImport(result->timeOffAdded);
    m_window.statusBar()->showMessage(tr("Imported time off of %1: %2 new, %3 already there")
                                          .arg(person.name)
                                          .arg(result->added)
                                          .arg(result->skipped),
                                      8000);
}

void TransferActions::importHolidaysIcal(const QString &fileName)
{
    if (!m_window.m_workspace) {
        return;
    }
    const auto read = m_window.m_workspace->roster().teams();
    if (!read) {
        m_window.showError(tr("Cannot Import Holidays"), read.errorMessage());
        return;
    }
    const QList<Team> &teams = read.value();
    if (teams.isEmpty()) {
        m_window.showError(tr("Cannot Import Holidays"), tr("Create a team first."));
        return;
    }
    QStringList names;
    for (const Team &team : teams) {
        names << team.name;
    }
    bool ok = false;
    const QString picked = QInputDialog::getItem(&m_window, tr("Import Holidays"), tr("Public holidays of the team:"),
                                                 names, 0, false, &ok);
    if (!ok) {
        return;
    }
    const QString path = chooseFile(&m_window, fileName, Pick::Open, tr("Import Holidays of %1").arg(picked), {},
                                    tr("iCalendar files (*.ics);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    const auto bytes = IcalService::readFile(path);
    const auto [from, to] = IcalService::defaultImportPeriod(m_window.m_workspace->database().clock().now().date());
    const auto result = bytes ? IcalService(m_window.m_workspace->database())
                                    .importHolidays(teams.at(names.indexOf(picked)).id, bytes.value(), from, to)
                              : Result<IcalImportSummary>(bytes.error());
    if (!result) {
        m_window.showError(tr("Cannot Import Holidays"), tr("Nothing was imported. %1").arg(result.errorMessage()));
        return;
    }
    m_window.m_workspace->editor().recordHolidayImport(result->holidaysAdded);
    m_window.statusBar()->showMessage(
        tr("Imported holidays of %1: %2 new, %3 already there").arg(picked).arg(result->added).arg(result->skipped),
        8000);
}

void TransferActions::importHistory(const QString &fileName)
{
    if (!m_window.m_workspace) {
        return;
    }
    const auto rotations = m_window.m_workspace->rotations().rotations();
    if (!rotations) {
        m_window.showError(tr("Cannot Import History"), rotations.errorMessage());
        return;
    }
    if (rotations->isEmpty()) {
        m_window.showError(tr("Cannot Import History"), tr("Create the rotation first (Rotations ▸ New Rotation…)."));
        return;
    }
    auto *wizard = new HistoryImportWizard(m_window.m_workspace->database(), fileName, &m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::accepted, this, [this, wizard] {
        if (!m_window.m_workspace) {
            return;
        }
        const AppliedPlan &applied = wizard->applied();
        m_window.m_workspace->planEditor().recordApplied(
            applied, tr("Import on-call history into %1").arg(wizard->rotationName()));
        m_window.statusBar()->showMessage(
            tr("Imported on-call history into %1: %2 new past shift(s), %3 seat(s) filled.")
                .arg(wizard->rotationName())
                .arg(applied.added.size())
                .arg(applied.changed.size()),
            10000);
        m_window.updatePage();
    });
    wizard->open();
}

} // namespace Tandem
