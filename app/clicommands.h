#pragma once

#include "clicommand.h"

#include <memory>

/// The commands of `tandem COMMAND ...`, one factory each, by the file that holds the class.
/// allCommands() (cli.cpp) lists them in the order of `tandem --help`.
namespace Tandem {} // namespace Tandem
