-- Lua in this repository runs in conventio's sandbox (Lua 5.4, `conventio` and `data` globals).
std = "lua54"
read_globals = { "conventio", "data" }
max_line_length = 120
files["tests/lua"] = { std = "+busted" }
