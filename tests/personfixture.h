#pragma once

#include "store/personrepository.h"
#include "testutil.h"

namespace Tandem::Test {

/// A developer "Dev" and an ops engineer "Ops" with their ids, as the repository tests store them.
struct DevAndOps
{
    Person dev;
    Person ops;
};

/// Stores a fresh DevAndOps pair in `db` straight through the person repository (no service rules).
inline DevAndOps insertDevAndOps(Database &db)
{
    DevAndOps pair{makePerson(QStringLiteral("Dev"), QStringLiteral("dev@example.com")),
                   makePerson(QStringLiteral("Ops"), QStringLiteral("ops@example.com"), Role::Operations)};
    pair.dev.id = PersonId::create();
    pair.ops.id = PersonId::create();
    PersonRepository(db).insert(pair.dev).ok();
    PersonRepository(db).insert(pair.ops).ok();
    return pair;
}

} // namespace Tandem::Test
