#pragma once

#include <QCoreApplication>
#include <QString>

namespace socketlab {

// The system's reason for a failed call, in the chosen language: translated for the errno
// values a class meets, the C library's text otherwise.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    static QString forErrno(int errnum);
    static QString forResolver(int gaiError, int errnum);
};

} // namespace socketlab
