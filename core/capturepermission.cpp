#include "core/capturepermission.h"

#include <QFile>
#include <QStandardPaths>

#include <linux/capability.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace socketlab {

CapturePermission::Way CapturePermission::way()
{
    if (qEnvironmentVariableIsSet("SOCKETLAB_CAPTURE_WAY")) {
        // Tests reach the other ways on a machine where the first one works.
        const QByteArray forced = qgetenv("SOCKETLAB_CAPTURE_WAY");
        if (forced == "dumpcap")
            return permittedDumpcap().isEmpty() ? Way::None : Way::Dumpcap;
        if (forced == "none")
            return Way::None;
    }
    if (hasNetRaw())
        return Way::PacketSocket;
    if (!permittedDumpcap().isEmpty())
        return Way::Dumpcap;
    return Way::None;
}

bool CapturePermission::hasNetRaw()
{
    __user_cap_header_struct header {_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = {};
    if (::syscall(SYS_capget, &header, data) != 0)
        return false;
    return (data[CAP_TO_INDEX(CAP_NET_RAW)].effective & CAP_TO_MASK(CAP_NET_RAW)) != 0;
}

QString CapturePermission::permittedDumpcap()
{
    const QString path = QStandardPaths::findExecutable(QStringLiteral("dumpcap"));
    if (path.isEmpty())
        return QString();
    const QByteArray native = QFile::encodeName(path);
    if (::access(native.constData(), X_OK) != 0)
        return QString();
    // Root runs it with every capability; anyone else needs it setuid or given capabilities.
    if (::geteuid() == 0)
        return path;
    struct stat info
    {
    };
    if (::stat(native.constData(), &info) == 0 && (info.st_mode & S_ISUID) && info.st_uid == 0)
        return path;
    if (::getxattr(native.constData(), "security.capability", nullptr, 0) > 0)
        return path;
    return QString();
}

QString CapturePermission::notAllowedText()
{
    return tr("Capturing packets is not allowed for this user here. To allow it on Debian, let "
              "Wireshark's dumpcap capture for its group and join that group: \"sudo "
              "dpkg-reconfigure wireshark-common\" (answer Yes), then \"sudo usermod -aG "
              "wireshark $USER\" and log in again.");
}

} // namespace socketlab
