#pragma once

#include "domain/result.h"

namespace Tandem {

class Database;

/// Fills an empty database with the demo team: three teams of five developers and five
/// operations engineers on two continents, with some time off and public holidays. The same
/// content every time (fixed names, dates relative to the clock's today).
Status createDemoData(Database &db);

} // namespace Tandem
