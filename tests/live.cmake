# The live engine's parts for the desktop app (played-event feed, meter and scope,
# recording, switching devices) against real threads, real files and real JACK servers
# (jackd -d dummy). Both executables link the allocation trap of tests/live: every
# allocation or free inside the audio callback is counted, and the tests require none.
set(SEICHE_LIVE_TRAP ${CMAKE_CURRENT_SOURCE_DIR}/live/live_alloc_trap.cpp)
file(GLOB SEICHE_LIVE_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/live/engine_*_test.cpp)
add_executable(test_live ${SEICHE_LIVE_TESTS} ${SEICHE_LIVE_TRAP})
add_executable(test_live_jack ${CMAKE_CURRENT_SOURCE_DIR}/live/jack_switch_test.cpp ${SEICHE_LIVE_TRAP})
foreach(target test_live test_live_jack)
  target_link_libraries(${target} PRIVATE seiche_pattern seiche_audio PkgConfig::SNDFILE GTest::gtest GTest::gtest_main)
  target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
endforeach()
gtest_discover_tests(test_live PROPERTIES LABELS "engine;live" DISCOVERY_TIMEOUT 60 TIMEOUT 120)
# RUN_SERIAL: the JACK servers' callbacks want the CPU, as in tests/jack.cmake.
gtest_discover_tests(test_live_jack PROPERTIES LABELS "jack;live" DISCOVERY_TIMEOUT 60 TIMEOUT 180 RUN_SERIAL TRUE)

# seiche-cli play --record, from outside: a real file read back, failures (unwritable
# path, a file-size limit hit while recording) on stderr, in --json and in the exit status.
add_test(NAME play_record COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/audio/record_test.py
         $<TARGET_FILE:seiche-cli-alloc-trap> ${CMAKE_CURRENT_SOURCE_DIR}/audio/jack_play_test.py)
set_tests_properties(play_record PROPERTIES LABELS "cli;live;jack" TIMEOUT 180 RUN_SERIAL TRUE)
