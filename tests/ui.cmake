# The desktop app's widget tests: QtTest on the offscreen platform, each file its own
# executable (QTEST_MAIN) linked to the same seiche_ui library the app uses.
if(SEICHE_BUILD_APP)
  find_package(Qt6 REQUIRED COMPONENTS Test)
  file(GLOB SEICHE_UI_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/ui/*_test.cpp)
  foreach(file ${SEICHE_UI_TESTS})
    get_filename_component(name ${file} NAME_WE)
    add_executable(ui_${name} ${file})
    set_target_properties(ui_${name} PROPERTIES AUTOMOC ON)
    target_link_libraries(ui_${name} PRIVATE seiche_ui Qt6::Test)
    target_include_directories(ui_${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
    target_compile_definitions(ui_${name} PRIVATE SEICHE_APP="$<TARGET_FILE:seiche>"
                               SEICHE_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
    add_test(NAME ui_${name} COMMAND ui_${name})
    set_tests_properties(ui_${name} PROPERTIES LABELS ui TIMEOUT 300
                         ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software")
    if(name MATCHES "^jack_")
      # A real JACK server: serial, as the other real-time tests (tests/jack.cmake).
      set_tests_properties(ui_${name} PROPERTIES LABELS "ui;jack" RUN_SERIAL TRUE)
    endif()
  endforeach()
  # The real window under Xvfb (the docs' screenshots are taken the same way).
  add_test(NAME ui_xvfb_screenshot COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/ui/xvfb_screenshot_test.py $<TARGET_FILE:seiche>)
  set_tests_properties(ui_xvfb_screenshot PROPERTIES LABELS ui TIMEOUT 300)
endif()
