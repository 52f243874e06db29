# `cpack -G DEB` (or `cmake --build build --target package`) builds socketlab_<version>_<arch>.deb
# from what `cmake --install` installs.
include(GNUInstallDirs)

# Debian's own files for the package: copyright and changelog.
set(docDir ${CMAKE_INSTALL_DATADIR}/doc/socketlab)
install(FILES ${PROJECT_SOURCE_DIR}/resources/debian/copyright DESTINATION ${docDir})
set(changelog ${PROJECT_BINARY_DIR}/debian/changelog.gz)
# Make the folder here: Ninja creates an output's folder, Unix Makefiles do not.
add_custom_command(OUTPUT ${changelog}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/debian
    COMMAND gzip -9nc ${PROJECT_SOURCE_DIR}/resources/debian/changelog > ${changelog}
    DEPENDS ${PROJECT_SOURCE_DIR}/resources/debian/changelog)
add_custom_target(socketlab_changelog ALL DEPENDS ${changelog})
install(FILES ${changelog} DESTINATION ${docDir})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME socketlab)
set(CPACK_PACKAGE_VENDOR "SocketLab developers")
set(CPACK_PACKAGE_CONTACT "SocketLab developers <dev@socketlab.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "network lab for teaching socket programming")
set(CPACK_PACKAGE_DESCRIPTION
"SocketLab runs, live, the classic socket programming recipe for a class: UDP
and TCP clients and servers, and a TCP server that is iterative, forks a
process per connection, starts a thread per connection or serves every
connection from one thread with poll(). Students see real
traffic arrive, which client sent it, which process or thread handled it and
every socket call as it happens. Guided lessons walk through each idea.
.
The interface speaks English and Brazilian Portuguese. socketlab-cli runs the
same servers and clients from a terminal.")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dpkg-shlibdeps sees only linked libraries. Qt loads these at run time as plugins:
# the window system (platforms/) and the SVG icons (iconengines/, imageformats/).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
# Qt's own texts (dialog buttons, --help's built-in options) in Portuguese.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
# Files 0644 and folders 0755 whatever the builder's umask.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

include(CPack)
