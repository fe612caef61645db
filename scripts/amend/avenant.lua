-- `conventio amend CHANGES.json -o AVENANT.odt`: the avenant of the change set (its data).
return require("conventio.avenant").from_change_set(...):document()
