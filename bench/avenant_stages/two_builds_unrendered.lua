-- Stage 3 without the templates: two_builds.lua with every clause left unrendered (no template
-- evaluated, no Markdown read): what building the two versions costs in the library and the
-- Convention's script alone. A measuring device, not a document anyone would want.
local c = require "conventio"
local nothing = {}
require("conventio.clauses").blocks = function() return nothing end
return c.load_script("two_builds.lua")(...)
