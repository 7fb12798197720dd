#pragma once

#include "domain/result.h"
#include "domain/swaprequest.h"

#include <optional>

namespace Tandem {

class Database;

/// Swap and cover requests. Plain storage: the life cycle and its checks are SwapService's;
/// sync writes what it receives through insert/update/remove by id.
class SwapRequestRepository
{
public:
    explicit SwapRequestRepository(Database &db) : m_db(db) {}

    Result<std::optional<SwapRequest>> find(SwapRequestId id) const;
    /// Every request, newest first.
    Result<QList<SwapRequest>> all() const;
    /// Requests that `person` made or was asked, newest first.
    Result<QList<SwapRequest>> involving(PersonId person) const;
    /// Requests on `shift` (as the requester's or the colleague's shift), newest first.
    Result<QList<SwapRequest>> forShift(ShiftId shift) const;

    Status insert(const SwapRequest &request);
    Status update(const SwapRequest &request);
    Status remove(SwapRequestId id);

private:
    Result<QList<SwapRequest>> select(const QString &where, const QVariantList &values) const;
    Database &m_db;
};

} // namespace Tandem
