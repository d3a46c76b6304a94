package endpoints

import (
	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
)

// cleanCatalog returns a copy of cat whose texts are safe to print (an
// imported collection is as untrusted as any network answer), with group
// names in words.
func cleanCatalog(cat *catalog.Catalog) *catalog.Catalog {
	if cat == nil {
		return nil
	}
	out := &catalog.Catalog{Source: sanitize.Line(cat.Source), Groups: make([]catalog.Group, len(cat.Groups))}
	for gi, g := range cat.Groups {
		ng := catalog.Group{Name: sanitize.Line(g.Name), Description: sanitize.Text(g.Description)}
		for _, op := range g.Operations {
			op.Name = sanitize.Line(op.Name)
			op.Description = sanitize.Line(op.Description)
			op.Path = sanitize.Line(op.Path)
			op.Method = sanitize.Line(op.Method)
			op.PathParams = cleanParams(op.PathParams)
			op.Query = cleanParams(op.Query)
			ng.Operations = append(ng.Operations, op)
		}
		out.Groups[gi] = ng
	}
	return out
}

func cleanParams(ps []catalog.Param) []catalog.Param {
	out := make([]catalog.Param, len(ps))
	for i, p := range ps {
		p.Name, p.Type, p.Default, p.Description = sanitize.Line(p.Name), sanitize.Line(p.Type), sanitize.Line(p.Default), sanitize.Line(p.Description)
		enum := make([]string, len(p.Enum))
		for j, e := range p.Enum {
			enum[j] = sanitize.Line(e)
		}
		p.Enum = enum
		out[i] = p
	}
	return out
}
