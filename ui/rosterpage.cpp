#include "rosterpage.h"

#include "emptystate.h"
#include "itemmodels/rosterfiltermodel.h"
#include "itemmodels/rostermodel.h"
#include "rosterdelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tandem {

RosterPage::RosterPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"rosterPage"_s);
    m_filter = new RosterFilterModel(this);

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"rosterSearch"_s);
    m_search->setPlaceholderText(tr("Search name, e-mail, phone, zone… (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the roster"));
    m_team = new QComboBox(this);
    m_team->setObjectName(u"teamFilter"_s);
    m_team->setAccessibleName(tr("Team filter"));
    m_role = new QComboBox(this);
    m_role->setObjectName(u"roleFilter"_s);
    m_role->setAccessibleName(tr("Role filter"));
    m_role->addItem(tr("All roles"), -1);
    m_role->addItem(roleDisplayName(Role::Developer), int(Role::Developer));
    m_role->addItem(roleDisplayName(Role::Operations), int(Role::Operations));
    m_count = new QLabel(this);

    m_view = new QTableView(this);
    m_view->setObjectName(u"rosterView"_s);
    m_view->setAccessibleName(tr("Roster"));
    m_view->setModel(m_filter);
    EmptyState::install(m_view, tr("Nobody to show. Add people with Edit ▸ Add Person… (Ctrl+N) or File ▸ Import "
                                   "Roster… (Ctrl+I), or clear the search and filters."));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RosterModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setItemDelegate(new RosterDelegate(m_view));
    m_view->setWordWrap(false);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 3);
    filters->addWidget(m_team, 1);
    filters->addWidget(m_role, 1);
    filters->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(filters);
    layout->addWidget(m_view);

    connect(m_search, &QLineEdit::textChanged, m_filter, &RosterFilterModel::setSearchText);
    connect(m_team, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setTeam(TeamId::fromString(m_team->currentData().toString())); });
    connect(m_role, &QComboBox::currentIndexChanged, this, [this] {
        const int role = m_role->currentData().toInt();
        m_filter->setRole(role < 0 ? std::nullopt : std::optional<Role>(Role(role)));
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &RosterPage::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &RosterPage::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &RosterPage::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &RosterPage::updateCount);
    connect(m_view, &QTableView::customContextMenuRequested, this,
            [this](const QPoint &pos) { Q_EMIT contextMenuRequested(m_view->viewport()->mapToGlobal(pos)); });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        // Enter on a non-editable cell (or double-click) opens the person.
        if (!(index.flags() & Qt::ItemIsEditable)) {
            Q_EMIT activated(currentPerson());
        }
    });
}

void RosterPage::setModel(RosterModel *model)
{
    m_model = model;
    m_filter->setSourceModel(model);
    if (model) {
        connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &RosterPage::currentChanged);
        auto *header = m_view->horizontalHeader();
        header->setSectionResizeMode(QHeaderView::Interactive);
        header->setStretchLastSection(false);
        m_view->resizeColumnsToContents();
        header->resizeSection(RosterModel::NameColumn, std::max(header->sectionSize(RosterModel::NameColumn), 160));
        header->setSectionResizeMode(RosterModel::EmailColumn, QHeaderView::Stretch);
    }
    refreshTeams();
    updateCount();
}

void RosterPage::refreshTeams()
{
    const QString current = m_team->currentData().toString();
    m_team->blockSignals(true);
    m_team->clear();
    m_team->addItem(tr("All teams"), QString());
    if (m_model) {
        for (const Team &team : m_model->teams()) {
            m_team->addItem(team.name, team.id.toString());
        }
    }
    const int index = m_team->findData(current);
    m_team->setCurrentIndex(index < 0 ? 0 : index);
    m_team->blockSignals(false);
    m_filter->setTeam(TeamId::fromString(m_team->currentData().toString()));
}

Person RosterPage::currentPerson() const
{
    if (!m_model) {
        return {};
    }
    return m_model->personAt(m_filter->mapToSource(m_view->currentIndex()));
}

void RosterPage::selectPerson(PersonId id)
{
    if (!m_model) {
        return;
    }
    const QModelIndex index = m_filter->mapFromSource(m_model->indexOf(id));
    if (index.isValid()) {
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index);
    }
}

void RosterPage::updateCount()
{
    const int shown = m_filter->rowCount();
    const int all = m_model ? m_model->rowCount() : 0;
    m_count->setText(shown == all ? tr("%n people", nullptr, all) : tr("%1 of %n people", nullptr, all).arg(shown));
}

} // namespace Tandem
