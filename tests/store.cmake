# The shipped taste models (models/*.json) must come back from the one-line commands
# documented in docs/analysis.md: same predictions on their own datasets.
foreach(model percussive-hits dark-textures mirlca-2021)
  add_test(NAME store_model_reproduces_${model}
           COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/session/reproduce_model.py
                   $<TARGET_FILE:seiche-cli> ${CMAKE_SOURCE_DIR} ${model})
  set_tests_properties(store_model_reproduces_${model} PROPERTIES LABELS store TIMEOUT 600)
endforeach()
