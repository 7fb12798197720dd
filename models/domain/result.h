#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace Tandem {

/// Why an operation failed, in words a user can act on. `field` names the input at fault
/// (a form field, a CSV column), empty when the failure is not about one field.
struct Error
{
    Error() = default;
    Error(QString text, QString fieldName = {}) // NOLINT(google-explicit-constructor)
        : message(std::move(text)), field(std::move(fieldName))
    {}

    QString message;
    QString field;
};

/// The value of an operation that can fail for reasons the user must hear, or the Error.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}     // NOLINT(google-explicit-constructor)
    Result(Error error) : m_error(std::move(error)) {} // NOLINT(google-explicit-constructor)

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    // By value on temporaries, so `for (x : repo.all().value())` does not outlive the Result.
    T value() && { return std::move(*m_value); }
    const T &operator*() const & { return *m_value; }
    T operator*() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    /// Only where a failed read may rightly look empty; the call says why in a comment.
    T value_or(T fallback) const { return m_value ? *m_value : std::move(fallback); }
    const Error &error() const { return m_error; }
    QString errorMessage() const { return m_error.message; }

private:
    std::optional<T> m_value;
    Error m_error;
};

/// Result of an operation that returns nothing when it succeeds.
template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_failed(true), m_error(std::move(error)) {} // NOLINT(google-explicit-constructor)

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }
    QString errorMessage() const { return m_error.message; }

private:
    bool m_failed = false;
    Error m_error;
};

using Status = Result<void>;

} // namespace Tandem
