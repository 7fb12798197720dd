#include "conflictsdialog.h"

#include "domain/localeformat.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "services/syncservice.h"
#include "synccontroller.h"
#include "workspace.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

/// The value at a field path of the merge ("people/<id>/phone"): an array step picks the
/// element with that id.
QJsonValue valueAt(const QJsonObject &root, const QString &path)
{
    QJsonValue current = root;
    for (const QString &segment : path.split(u'/')) {
        if (current.isObject()) {
            current = current.toObject().value(segment);
        } else if (current.isArray()) {
            QJsonValue found = QJsonValue::Undefined;
            for (const QJsonValue &element : current.toArray()) {
                if (element.toObject().value(u"id"_s).toString() == segment) {
                    found = element;
                    break;
                }
            }
            current = found;
        } else {
            return QJsonValue::Undefined;
        }
    }
    return current;
}

} // namespace

ConflictsDialog::ConflictsDialog(Workspace &workspace, QWidget *parent) : QDialog(parent), m_workspace(workspace)
{
    setObjectName(u"conflictsDialog"_s);
    setWindowTitle(tr("Sync Conflicts"));
    m_list = new QListWidget(this);
    m_list->setObjectName(u"conflictList"_s);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_fields = new QTableWidget(0, 3, this);
    m_fields->setObjectName(u"fieldTable"_s);
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Mine (this computer)"), tr("Theirs (the server)")});
    m_fields->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_fields->verticalHeader()->hide();
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->setWordWrap(true);
    m_keepMine = new QPushButton(tr("&Keep Mine"), this);
    m_keepMine->setObjectName(u"keepMineButton"_s);
    m_keepMine->setToolTip(tr("The fields in conflict keep this computer's current value, every other field the "
                              "newest of both sides; it goes to the server at the next sync."));
    m_takeTheirs = new QPushButton(tr("Take &Theirs"), this);
    m_takeTheirs->setObjectName(u"takeTheirsButton"_s);
    m_takeTheirs->setToolTip(tr("The fields in conflict take the server's value, every other field keeps the newest "
                                "of both sides (your later edits stay)."));
    m_message = new QLabel(this);
    m_message->setObjectName(u"messageLabel"_s);
    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_fields);
    auto *resolveButtons = new QHBoxLayout;
    resolveButtons->addWidget(m_keepMine);
    resolveButtons->addWidget(m_takeTheirs);
    resolveButtons->addStretch();
    rightLayout->addLayout(resolveButtons);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Both sides changed these differently. Nothing is lost until you choose: the "
                                    "other side's version is kept here."),
                                 this));
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &ConflictsDialog::showCurrent);
    connect(m_keepMine, &QPushButton::clicked, this, [this] { resolve(true); });
    connect(m_takeTheirs, &QPushButton::clicked, this, [this] { resolve(false); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_workspace.sync(), &SyncController::finished, this, &ConflictsDialog::refresh);

    if (!restoreGeometry(QSettings().value(u"conflictsDialog/geometry"_s).toByteArray())) {
        resize(860, 480);
    }
    refresh();
}

ConflictsDialog::~ConflictsDialog()
{
    QSettings().setValue(u"conflictsDialog/geometry"_s, saveGeometry());
}

void ConflictsDialog::refresh()
{
    const QString current = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
    m_conflicts.clear();
    SyncService service(m_workspace.database());
    // A failed read lists no conflicts, as a failed status below does: the status bar's count
    // (SyncController::conflictCount) reads the same and shows none either, and both read again
    // at the next sync.
    for (const SyncAccount &account : service.accounts().value_or({})) {
        auto status = service.status(account.team);
        if (!status) {
            continue;
        }
        for (const SyncConflict &c : status->conflicts) {
            m_conflicts.append({account.team, c});
        }
    }
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    int row = 0;
    for (int i = 0; i < m_conflicts.size(); ++i) {
        auto *item = new QListWidgetItem(describe(m_conflicts.at(i).second), m_list);
        item->setData(Qt::UserRole, m_conflicts.at(i).second.uid);
        if (m_conflicts.at(i).second.uid == current) {
            row = i;
        }
    }
    if (m_conflicts.isEmpty()) {
        new QListWidgetItem(tr("No conflicts."), m_list);
        m_list->item(0)->setFlags(Qt::NoItemFlags);
    } else {
        m_list->setCurrentRow(row);
    }
    showCurrent();
}

QString ConflictsDialog::describe(const SyncConflict &c) const
{
    const QJsonObject any = c.mine.isEmpty() ? (c.theirs.isEmpty() ? c.base : c.theirs) : c.mine;
    const auto personName = [this](const QString &id) {
        auto person = m_workspace.roster().person(PersonId::fromString(id));
        return person && person.value() ? person.value()->name : tr("someone not on the roster");
    };
    if (c.kind == u"shift") {
        QString rotation = tr("a rotation");
        // Only a name: without it (a failed read) the conflict still reads "a rotation".
        for (const Rotation &r : m_workspace.rotations().rotations().value_or({})) {
            if (r.id.toString() == any.value(u"rotation"_s).toString()) {
                rotation = r.name;
            }
        }
        const QDateTime start = QDateTime::fromString(any.value(u"start"_s).toString(), Qt::ISODate).toLocalTime();
        return tr("Shift of %1, %2").arg(rotation, LocaleFormat::dateTime(start, true, true));
    }
    if (c.kind == u"timeoff") {
        return tr("Time off of %1, %2 to %3")
            .arg(personName(any.value(u"person"_s).toString()), any.value(u"from"_s).toString(),
                 any.value(u"to"_s).toString());
    }
    if (c.kind == u"roster") {
        return tr("Roster and rotation settings of %1")
            .arg(any.value(u"team"_s).toObject().value(u"name"_s).toString());
    }
    if (c.kind == u"request") {
        return tr("A swap or cover request");
    }
    return tr("%1 %2").arg(c.kind, c.uid);
}

QString ConflictsDialog::fieldName(const SyncConflict &c, const QString &path) const
{
    QStringList words;
    QString prefix;
    for (const QString &segment : path.split(u'/')) {
        prefix = prefix.isEmpty() ? segment : prefix + u'/' + segment;
        // An id step reads as the element's name, from whichever version has it.
        QString name;
        for (const QJsonObject *version : {&c.mine, &c.theirs, &c.base}) {
            const QJsonValue v = valueAt(*version, prefix);
            if (v.isObject() && v.toObject().contains(u"id"_s) && v.toObject().value(u"id"_s).toString() == segment) {
                name = v.toObject().value(u"name"_s).toString();
                if (!name.isEmpty()) {
                    break;
                }
            }
        }
        words.append(name.isEmpty() ? segment : name);
    }
    return words.join(u" › "_s);
}

QString ConflictsDialog::valueText(const QJsonObject &version, const QString &path) const
{
    if (version.isEmpty()) {
        return tr("deleted");
    }
    const QJsonValue v = valueAt(version, path);
    switch (v.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return tr("—");
    case QJsonValue::Bool:
        return v.toBool() ? tr("yes") : tr("no");
    case QJsonValue::Double:
        return QLocale().toString(v.toDouble());
    case QJsonValue::String: {
        const QString text = v.toString();
        // A person's id reads as the name.
        const PersonId id = PersonId::fromString(text);
        if (!id.isNull()) {
            if (auto person = m_workspace.roster().person(id); person && person.value()) {
                return person.value()->name;
            }
        }
        return text.isEmpty() ? tr("(empty)") : text;
    }
    case QJsonValue::Array:
    case QJsonValue::Object:
        if (v.isObject() && v.toObject().contains(u"name"_s)) {
            return v.toObject().value(u"name"_s).toString();
        }
        return tr("(changed)");
    }
    return {};
}

void ConflictsDialog::showCurrent()
{
    const int row = m_list->currentRow();
    const bool valid = row >= 0 && row < m_conflicts.size();
    m_keepMine->setEnabled(valid);
    m_takeTheirs->setEnabled(valid);
    m_fields->setRowCount(0);
    if (!valid) {
        m_title->setText(m_conflicts.isEmpty() ? tr("Nothing to resolve.") : QString());
        return;
    }
    const SyncConflict &c = m_conflicts.at(row).second;
    m_title->setText(describe(c));
    if (!c.problem.isEmpty()) {
        // Server data that fails the checks of a local edit: kept aside, never written here.
        m_title->setText(tr("%1\nThe server's version cannot be written here: %2").arg(describe(c), c.problem));
        m_takeTheirs->setEnabled(false);
    }
    QStringList fields = c.fields;
    if (fields.isEmpty() || c.mine.isEmpty() || c.theirs.isEmpty()) {
        // A deletion on one side against a change on the other: the whole item.
        fields = QStringList{QString()};
    }
    m_fields->setRowCount(int(fields.size()));
    for (int i = 0; i < fields.size(); ++i) {
        const QString &path = fields.at(i);
        const bool whole = path.isEmpty();
        m_fields->setItem(i, 0, new QTableWidgetItem(whole ? tr("the whole item") : fieldName(c, path)));
        m_fields->setItem(
            i, 1,
            new QTableWidgetItem(whole ? (c.mine.isEmpty() ? tr("deleted") : tr("changed")) : valueText(c.mine, path)));
        m_fields->setItem(i, 2,
                          new QTableWidgetItem(whole ? (c.theirs.isEmpty() ? tr("deleted") : tr("changed"))
                                                     : valueText(c.theirs, path)));
    }
    m_fields->resizeRowsToContents();
}

void ConflictsDialog::resolve(bool keepMine)
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_conflicts.size()) {
        return;
    }
    const auto [team, conflict] = m_conflicts.at(row);
    if (auto done = SyncService(m_workspace.database()).resolve(team, conflict.uid, keepMine); !done) {
        m_message->setText(tr("Could not resolve: %1").arg(done.errorMessage()));
        return;
    }
    m_message->setText(keepMine ? tr("Kept your version of “%1”: it goes to the server now.").arg(describe(conflict))
                                : tr("Took the server's version of “%1”.").arg(describe(conflict)));
    refresh();
    m_workspace.sync().syncNow();
}

} // namespace Tandem
