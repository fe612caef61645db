-- The agreement of avenant_base.lua, built by a script that empties the data it is given once it
-- has built the agreement (as a script may change its data): for tests/lua/avenant_test.lua,
-- which checks that an avenant gives each run of the Convention data of its own (not a test
-- itself).
local c = require "conventio"

local data = ...
local doc = c.load_script("avenant_base.lua")(data)
for key in pairs(data) do data[key] = nil end
return doc
