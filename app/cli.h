#pragma once

#include "clicommand.h"
#include "domain/result.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QHash>
#include <QStringList>

#include <cstdio>
#include <memory>
#include <optional>

class QCommandLineParser;

namespace Tandem {
class Database;
}

namespace Tandem {

/// The command-line interface: `tandem COMMAND ...` headless, through the same services as
/// the GUI. `args` excludes the program name. Output goes to `out`, errors to `err`.
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
    /// clireference.cpp). Fails, naming the command, when a command has no --help to read.
    static Result<QByteArray> reference(); // clireference.cpp

    int run(const QStringList &args);

private:
    using Handler = int (Cli::*)(const QStringList &);
    static const QHash<QString, Handler> &legacyHandlers();
    /// Runs the command `name` when it is still a member function above; nullopt otherwise.
    std::optional<int> runLegacy(const QString &name, const QStringList &args);

    std::unique_ptr<Database> openDatabase(QString *error);
    /// The database, or null after saying on stderr why it cannot be opened.
    std::unique_ptr<Database> openDatabaseOrFail();
    bool parse(QCommandLineParser &parser, const QString &synopsis, const QStringList &args, int *exitCode);
    void print(const QString &text);
    int fail(const QString &message);  ///< one line on stderr, exit 1
    int usage(const QString &message); ///< one line on stderr, exit 2

    /// Filled instead of parsing while reference() asks the commands for their --help.
    struct HelpRecord
    {
        QString synopsis;
        QString description;
        QString helpText;
    };

    FILE *m_out;
    FILE *m_err;
    HelpRecord *m_helpRecord = nullptr;
    QString m_dbPath;
    bool m_demo = false;
    CliContext m_context;
};

} // namespace Tandem
