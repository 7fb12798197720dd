#include "rosterfiltermodel.h"

#include "rostermodel.h"

namespace Tandem {

RosterFilterModel::RosterFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(RosterModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    setDynamicSortFilter(true);
}

void RosterFilterModel::setSearchText(const QString &text)
{
    const QString normalized = text.trimmed().toLower();
    if (normalized == m_search) {
        return;
    }
    m_search = normalized;
    invalidateFilter();
}

void RosterFilterModel::setTeam(TeamId team)
{
    if (team == m_team) {
        return;
    }
    m_team = team;
    invalidateFilter();
}

void RosterFilterModel::setRole(std::optional<Role> role)
{
    if (role == m_role) {
        return;
    }
    m_role = role;
    invalidateFilter();
}

bool RosterFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_role && index.data(RosterModel::PersonRoleRole).toInt() != int(*m_role)) {
        return false;
    }
    if (!m_team.isNull() && !index.data(RosterModel::TeamIdsRole).toStringList().contains(m_team.toString())) {
        return false;
    }
    if (!m_search.isEmpty()) {
        // Every word must match somewhere: "berlin ops" finds ops engineers in Berlin.
        const QString haystack = index.data(RosterModel::SearchTextRole).toString();
        for (const QString &word : m_search.split(u' ', Qt::SkipEmptyParts)) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
    }
    return true;
}

} // namespace Tandem
