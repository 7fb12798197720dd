#pragma once

#include "domain/ids.h"
#include "domain/person.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace Tandem {

/// Sorts the roster and filters it by the search box, a team and a role.
class RosterFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RosterFilterModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    void setTeam(TeamId team); ///< a null id shows every team
    void setRole(std::optional<Role> role);
    QString searchText() const { return m_search; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    TeamId m_team;
    std::optional<Role> m_role;
};

} // namespace Tandem
