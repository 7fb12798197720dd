#pragma once

#include "services/syncservice.h"

#include <QList>

#include <utility>

namespace Tandem {

/// What a sync dialog lists from every shared team: the `items` of each account's status
/// (&SyncStatus::flags, &SyncStatus::offers), each with the account's team. A team whose status
/// cannot be read adds nothing; a failed read of the accounts is the error, for the dialog to show.
template <typename Item>
Result<QList<std::pair<TeamId, Item>>> itemsOfEveryAccount(const SyncService &service, QList<Item> SyncStatus::*items)
{
    const auto accounts = service.accounts();
    if (!accounts) {
        return accounts.error();
    }
    QList<std::pair<TeamId, Item>> result;
    for (const SyncAccount &account : accounts.value()) {
        if (const auto status = service.status(account.team)) {
            for (const Item &item : status.value().*items) {
                result.append({account.team, item});
            }
        }
    }
    return result;
}

} // namespace Tandem
