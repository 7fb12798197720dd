# ctest appstream_validate: `appstreamcli validate --no-net` must report no error and no warning
# (it exits 0 with warnings, so its report is read). Infos and pedantic hints are allowed.
# cmake -DMETAINFO=FILE -P appstream-validate.cmake
find_program(APPSTREAMCLI appstreamcli)
if(NOT APPSTREAMCLI)
    message(FATAL_ERROR "appstreamcli is not installed (Debian: appstream; packaging/dev.sh installs it)")
endif()
execute_process(COMMAND ${APPSTREAMCLI} validate --no-net --explain ${METAINFO}
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT status EQUAL 0 OR out MATCHES "(^|\n)[EW]: ")
    message(FATAL_ERROR "appstreamcli found errors or warnings in ${METAINFO}")
endif()
