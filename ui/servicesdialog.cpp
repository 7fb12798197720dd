#include "servicesdialog.h"

#include "itemmodels/servicecommand.h"
#include "services/rotationservice.h"
#include "services/servicecatalog.h"
#include "store/database.h"
#include "timezonecombo.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimeZone>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

Status asStatus(const Result<Service> &result)
{
    return result ? Status() : Status(result.error());
}

} // namespace

ServicesDialog::ServicesDialog(Database &db, QUndoStack *stack, QWidget *parent)
    : QDialog(parent), m_db(db), m_stack(stack)
{
    setWindowTitle(tr("Services"));
    setObjectName(u"servicesDialog"_s);

    m_list = new QListWidget(this);
    m_list->setObjectName(u"services"_s);
    m_list->setAccessibleName(tr("Services"));
    auto *listLabel = new QLabel(tr("&Services:"), this);
    listLabel->setBuddy(m_list);

    m_name = new QLineEdit(this);
    m_name->setObjectName(u"name"_s);
    m_name->setAccessibleName(tr("Service name"));
    m_name->setPlaceholderText(tr("e.g. Payments production"));
    m_zone = new TimeZoneCombo(this);
    m_zone->setObjectName(u"timeZone"_s);
    m_zone->setAccessibleName(tr("Time zone of the service"));
    m_legs = new QListWidget(this);
    m_legs->setObjectName(u"legs"_s);
    m_legs->setAccessibleName(tr("Legs: the rotations that cover the service"));
    m_legs->setToolTip(tr("Check the rotations that cover the service, e.g. a Berlin rotation by day and a New York "
                          "rotation by its day. Space checks the focused rotation."));
    m_coverage = new QLabel(this);
    m_coverage->setObjectName(u"coverage"_s);
    m_coverage->setWordWrap(true);
    m_coverage->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message = new QLabel(this);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Time zone:"), m_zone);
    form->addRow(tr("&Legs:"), m_legs);
    form->addRow(tr("Coverage:"), m_coverage);

    m_add = new QPushButton(tr("Ne&w"), this);
    m_add->setObjectName(u"newService"_s);
    m_apply = new QPushButton(tr("S&ave"), this);
    m_apply->setObjectName(u"saveService"_s);
    m_apply->setDefault(true);
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(u"removeService"_s);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *left = new QVBoxLayout;
    left->addWidget(listLabel);
    left->addWidget(m_list);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_apply);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    right->addLayout(buttons);
    right->addWidget(m_message);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(close);

    connect(m_list, &QListWidget::currentRowChanged, this, &ServicesDialog::showSelected);
    connect(m_add, &QPushButton::clicked, this, [this] {
        m_list->setCurrentRow(-1);
        m_list->clearSelection();
        showSelected();
        m_name->setFocus();
    });
    connect(m_apply, &QPushButton::clicked, this, &ServicesDialog::applyService);
    connect(m_remove, &QPushButton::clicked, this, &ServicesDialog::removeService);
    if (m_stack) {
        connect(m_stack, &QUndoStack::indexChanged, this, &ServicesDialog::reload);
    }
    reload();
    resize(720, 420);
}

void ServicesDialog::reload()
{
    const ServiceId selected =
        m_list->currentItem() ? ServiceId::fromString(m_list->currentItem()->data(IdRole).toString()) : ServiceId();
    auto services = ServiceCatalog(m_db).services();
    auto rotations = RotationService(m_db).rotations();
    if (!services || !rotations) {
        say(!services ? services.errorMessage() : rotations.errorMessage(), true);
        return;
    }
    m_services = services.value();
    m_rotations = rotations.value();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const Service &s : std::as_const(m_services)) {
        auto *item = new QListWidgetItem(s.name, m_list);
        item->setData(IdRole, s.id.toString());
        if (s.id == selected) {
            m_list->setCurrentItem(item);
        }
    }
    showSelected();
}

bool ServicesDialog::selectService(const QString &name)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->text().compare(name, Qt::CaseInsensitive) == 0) {
            m_list->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

void ServicesDialog::showSelected()
{
    const int row = m_list->currentRow();
    const Service *s = row >= 0 && row < m_services.size() ? &m_services.at(row) : nullptr;
    m_name->setText(s ? s->name : QString());
    m_zone->setTimeZone(s ? s->timeZone : QString()); // empty: the team's zone
    m_legs->clear();
    // The service's legs first, in their order (a removed rotation still shown), then the others.
    QList<Rotation> shown;
    if (s) {
        const auto legs = ServiceCatalog(m_db).legs(*s);
        if (legs) {
            shown = legs.value();
        }
    }
    for (const Rotation &r : std::as_const(m_rotations)) {
        if (!std::any_of(shown.cbegin(), shown.cend(), [&](const Rotation &x) { return x.id == r.id; })) {
            shown.append(r);
        }
    }
    for (const Rotation &r : std::as_const(shown)) {
        auto *item = new QListWidgetItem(tr("%1 (%2)").arg(r.name, r.timeZone), m_legs);
        item->setData(IdRole, r.id.toString());
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(s && s->legs.contains(r.id) ? Qt::Checked : Qt::Unchecked);
    }
    m_remove->setEnabled(s != nullptr);
    m_apply->setText(s ? tr("S&ave") : tr("&Add"));
    m_coverage->clear();
    if (s) {
        const QDate today = m_db.clock().now().toTimeZone(QTimeZone(s->timeZone.toUtf8())).date();
        const auto c = ServiceCatalog(m_db).coverage(s->id, today, today.addDays(27));
        if (c) {
            m_coverage->setText(
                tr("Next 4 weeks: %1% covered by a pair; %2 minutes not covered, %3 minutes without a pair, "
                   "%4 minutes of overlap between legs.")
                    .arg(QString::number(c->coveredPercent(), 'f', 2))
                    .arg(c->uncoveredMinutes)
                    .arg(c->noPairMinutes)
                    .arg(c->overlapMinutes));
        } else {
            m_coverage->setText(c.errorMessage());
        }
    }
}

Service ServicesDialog::edited() const
{
    Service s;
    const int row = m_list->currentRow();
    if (row >= 0 && row < m_services.size()) {
        s = m_services.at(row);
    }
    s.name = m_name->text();
    s.timeZone = m_zone->timeZone();
    s.legs.clear();
    for (int i = 0; i < m_legs->count(); ++i) {
        if (m_legs->item(i)->checkState() == Qt::Checked) {
            s.legs.append(RotationId::fromString(m_legs->item(i)->data(IdRole).toString()));
        }
    }
    return s;
}

void ServicesDialog::say(const QString &message, bool error)
{
    m_message->setText(message);
    m_message->setProperty("error", error);
    m_message->setAccessibleDescription(message);
}

void ServicesDialog::push(const QString &text, std::function<Status()> redo, std::function<Status()> undo)
{
    if (m_stack) {
        m_stack->push(new ServiceCommand(text, std::move(redo), std::move(undo),
                                         [this](const QString &message) { say(message, true); }));
    }
}

void ServicesDialog::applyService()
{
    Service s = edited();
    Database *db = &m_db;
    if (s.id.isNull()) {
        s.id = ServiceId::create();
        const auto added = ServiceCatalog(m_db).addService(s);
        if (!added) {
            say(added.errorMessage(), true);
            return;
        }
        const Service stored = added.value();
        say(tr("Added %1.").arg(stored.name), false);
        push(
            tr("Add service %1").arg(stored.name),
            [db, stored] { return asStatus(ServiceCatalog(*db).addService(stored)); },
            [db, stored] { return ServiceCatalog(*db).removeService(stored.id); });
        reload();
        selectService(stored.name);
        return;
    }
    const auto before = ServiceCatalog(m_db).service(s.id);
    if (!before || !before.value()) {
        say(before ? tr("The service was removed meanwhile.") : before.errorMessage(), true);
        return;
    }
    if (auto status = ServiceCatalog(m_db).updateService(s); !status) {
        say(status.errorMessage(), true);
        return;
    }
    const auto after = ServiceCatalog(m_db).service(s.id);
    const Service stored = after && after.value() ? *after.value() : s;
    const Service old = *before.value();
    say(tr("Saved %1.").arg(stored.name), false);
    push(
        tr("Change service %1").arg(stored.name), [db, stored] { return ServiceCatalog(*db).updateService(stored); },
        [db, old] { return ServiceCatalog(*db).updateService(old); });
    reload();
}

void ServicesDialog::removeService()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_services.size()) {
        return;
    }
    const Service old = m_services.at(row);
    if (auto status = ServiceCatalog(m_db).removeService(old.id); !status) {
        say(status.errorMessage(), true);
        return;
    }
    Database *db = &m_db;
    say(tr("Removed %1; its rotations stay.").arg(old.name), false);
    push(
        tr("Remove service %1").arg(old.name), [db, old] { return ServiceCatalog(*db).removeService(old.id); },
        [db, old] { return asStatus(ServiceCatalog(*db).addService(old)); });
    m_list->setCurrentRow(-1);
    reload();
}

} // namespace Tandem
