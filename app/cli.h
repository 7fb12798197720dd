#pragma once

#include "clicommand.h"
#include "domain/result.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

namespace Tandem {

/// The command-line interface: `tandem COMMAND ...` headless, through the same services as
/// the GUI. `args` excludes the program name. Output goes to `out`, errors to `err`. The
/// commands are Command classes (clicommand.h) listed by allCommands(); run() reads the global
/// options (--db, --demo), finds the command the first words name and executes it.
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    Cli(FILE *out = stdout, FILE *err = stderr) : m_out(out), m_err(err) {}

    /// Whether the arguments name a command (else the GUI starts).
    static bool isCommand(const QStringList &args);
    /// The general help, as `tandem --help` prints it.
    static QString generalHelp();
    /// Whether the command lays out text for print (print, --pdf): it needs a QGuiApplication.
    static bool needsFonts(const QStringList &args); // clireport.cpp
    /// The options of `tandem` itself (the GUI's, --db and --demo also before a command): one
    /// table for the GUI's parser in main.cpp, `tandem --help` and the reference below.
    static QList<QCommandLineOption> programOptions();
    /// `tandem --cli-reference` (not in the help): every command with its synopsis, summary,
    /// description, options and arguments as one JSON document, from which the build writes the
    /// man page and the shell completion (packaging/cli-docs.py; the format is documented in
    /// clireference.cpp), all read from the commands' own fields.
    static Result<QByteArray> reference(); // clireference.cpp

    int run(const QStringList &args);

private:
    void print(const QString &text);
    int fail(const QString &message);  ///< one line on stderr, exit 1
    int usage(const QString &message); ///< one line on stderr, exit 2

    FILE *m_out;
    FILE *m_err;
};

} // namespace Tandem
