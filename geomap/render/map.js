/* geomap's map drawing: every article string arrives as data (the JSON block #geomap-data),
   already HTML-escaped where Leaflet sets it as innerHTML; nothing here is a template. */
function geomapDraw(map) {
  'use strict';
  var data = JSON.parse(document.getElementById('geomap-data').textContent);
  var baseLayers = {}, overlays = {};

  function outlines(spec) {
    var lons = new Set(spec.seams[0]), lats = new Set(spec.seams[1]), lines = [];
    spec.land.features.forEach(function (feature) {
      feature.geometry.coordinates.forEach(function (polygon) {
        polygon.forEach(function (ring) {
          var run = [];
          ring.forEach(function (p, i) {
            var q = ring[i - 1];
            if (q && ((p[0] === q[0] && lons.has(p[0])) || (p[1] === q[1] && lats.has(p[1])))) {
              if (run.length > 1) { lines.push(run); }
              run = [];
            }
            run.push([p[1], p[0]]);
          });
          if (run.length > 1) { lines.push(run); }
        });
      });
    });
    var group = L.featureGroup();
    L.geoJSON(spec.land, {interactive: false, style: spec.fill, attribution: spec.attribution}).addTo(group);
    L.polyline(lines, spec.stroke).addTo(group);
    return group;
  }

  function pin(spec) {
    var icon = L.divIcon({html: spec.svg, iconSize: [18, 18], iconAnchor: [9, 9], className: spec.className});
    return L.marker([spec.lat, spec.lon], {icon: icon}).bindPopup(spec.popup, {maxWidth: 360});
  }

  function claim(spec, group) {
    var line = L.polyline(spec.points, {
      color: spec.colour, weight: 4, opacity: 0.9, dashArray: spec.dashArray, className: spec.className
    });
    line.bindTooltip(spec.html, {sticky: true, className: 'geomap-tip'});
    line.bindPopup(spec.html, {maxWidth: 380});
    line.addTo(group);
    if (spec.arrow !== null) {
      var end = spec.points[spec.points.length - 1];
      var svg = '<svg width="18" height="18" viewBox="0 0 18 18" style="transform: rotate(' + spec.arrow +
        'deg)"><polygon points="9,0 16,17 9,12 2,17" fill="' + spec.colour +
        '" stroke="#fff" stroke-width="1"/></svg>';
      L.marker(end, {
        icon: L.divIcon({html: svg, iconSize: [18, 18], iconAnchor: [9, 9], className: 'geomap-arrow'}),
        interactive: false, keyboard: false
      }).addTo(group);
    }
  }

  var land = outlines(data.outlines);
  baseLayers[data.outlines.name] = land;
  if (data.tiles === null) { land.addTo(map); }
  if (data.tiles !== null) {
    var tiles = L.tileLayer(data.tiles.url, {attribution: data.tiles.attribution, maxZoom: data.tiles.maxZoom});
    baseLayers[data.tiles.name] = tiles;
    tiles.addTo(map);
  }
  data.layers.forEach(function (layer) {
    var group = L.featureGroup();
    layer.claims.forEach(function (spec) { claim(spec, group); });
    layer.pins.forEach(function (spec) { pin(spec).addTo(group); });
    group.addTo(map);
    overlays[layer.name] = group;
  });
  L.control.layers(baseLayers, overlays, {collapsed: data.layers.length > 3}).addTo(map);

  var fit = data.fit;
  var legend = L.control({position: 'bottomright'});
  legend.onAdd = function () {
    var div = L.DomUtil.create('div', 'geomap-legend');
    div.innerHTML = data.legend;
    div.querySelectorAll('[data-geomap-zoom]').forEach(function (link) {
      var view = data.views[link.getAttribute('data-geomap-zoom')];
      if (!view) { (link.closest('.geomap-zoom-item') || link).remove(); return; }
      L.DomEvent.on(link, 'click', function (event) {
        L.DomEvent.preventDefault(event);
        map.fitBounds(L.latLngBounds(view).pad(0.3), fit);
      });
    });
    L.DomEvent.disableClickPropagation(div);
    return div;
  };
  legend.addTo(map);
  if (data.opening !== null) { map.fitBounds(data.opening, fit); }
}
