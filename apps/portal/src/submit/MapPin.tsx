import { Button } from "@civicline/ui";
import { useId, type KeyboardEvent, type MouseEvent } from "react";
import { usePortalT } from "../messages.ts";

export type Pin = { latitude: number; longitude: number };

/** Where the map opens: the centre of Zibo. */
const CENTRE = { latitude: 36.81, longitude: 118.05 };
const ZOOM = 13;
const GRID = 3;
const STEP = 0.01;

/** Web-Mercator tile coordinates (fractional) of a point at ZOOM. */
function toTile(pin: Pin): { x: number; y: number } {
  const n = 2 ** ZOOM;
  const lat = (pin.latitude * Math.PI) / 180;
  return { x: ((pin.longitude + 180) / 360) * n, y: ((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n };
}

function fromTile(x: number, y: number): Pin {
  const n = 2 ** ZOOM;
  const latitude = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
  return { latitude: Number(latitude.toFixed(6)), longitude: Number(((x / n) * 360 - 180).toFixed(6)) };
}

/** The tile URL for a template like https://tile.example.org/{z}/{x}/{y}.png. */
export function tileUrl(template: string, x: number, y: number): string {
  return template.replace("{z}", String(ZOOM)).replace("{x}", String(x)).replace("{y}", String(y)).replace("{s}", "a");
}

const origin = (() => {
  const centre = toTile(CENTRE);
  return { x: Math.floor(centre.x) - 1, y: Math.floor(centre.y) - 1 };
})();

/** The point under a position on the grid, given as fractions (0–1) of its width and height. */
export function pinAt(fx: number, fy: number): Pin {
  return fromTile(origin.x + fx * GRID, origin.y + fy * GRID);
}

function fractionOf(pin: Pin): { fx: number; fy: number } {
  const tile = toTile(pin);
  return { fx: (tile.x - origin.x) / GRID, fy: (tile.y - origin.y) / GRID };
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

/**
 * An optional pin on a small grid of map tiles (no map library): click or tap to set it, or focus
 * the map and move the pin with the arrow keys; Delete removes it. Shown only when the
 * installation has a tile server; the form works the same without it.
 */
export function MapPin({ template, pin, onChange, error }: { template: string; pin: Pin | null; onChange: (pin: Pin | null) => void; error?: string }) {
  const t = usePortalT();
  const id = useId();
  const statusId = `${id}-status`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) {
      return;
    }
    onChange(pinAt(clamp((event.clientX - box.left) / box.width), clamp((event.clientY - box.top) / box.height)));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [-STEP, 0], ArrowRight: [STEP, 0], ArrowUp: [0, -STEP], ArrowDown: [0, STEP] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const at = pin ? fractionOf(pin) : { fx: 0.5 - move[0], fy: 0.5 - move[1] };
      onChange(pinAt(clamp(at.fx + move[0]), clamp(at.fy + move[1])));
    } else if ((event.key === "Delete" || event.key === "Backspace") && pin) {
      event.preventDefault();
      onChange(null);
    }
  };

  const at = pin ? fractionOf(pin) : null;
  const tiles = [];
  for (let row = 0; row < GRID; row++) {
    for (let col = 0; col < GRID; col++) {
      tiles.push(<img key={`${row}-${col}`} className="map-pin__tile" src={tileUrl(template, origin.x + col, origin.y + row)} alt="" draggable={false} />);
    }
  }
  return (
    <fieldset className={error ? "field field--invalid map-pin" : "field map-pin"} data-testid="map-pin">
      <legend className="field__label">
        {t("submit.map")} <span className="field__optional">{t("common.optional")}</span>
      </legend>
      <p className="field__hint" id={hintId}>
        {t("submit.map.hint")}
      </p>
      <div
        id="submit-latitude"
        className="map-pin__map"
        role="application"
        tabIndex={0}
        aria-label={t("submit.map.label")}
        aria-describedby={[hintId, statusId, error ? errorId : ""].filter(Boolean).join(" ")}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        {tiles}
        {at ? <span className="map-pin__marker" style={{ left: `${at.fx * 100}%`, top: `${at.fy * 100}%` }} aria-hidden="true" /> : null}
      </div>
      <p id={statusId} className="map-pin__status" role="status">
        {pin ? t("submit.map.pin", { lat: pin.latitude.toFixed(5), lon: pin.longitude.toFixed(5) }) : t("submit.map.noPin")}
      </p>
      {pin ? (
        <Button variant="secondary" onClick={() => onChange(null)}>
          {t("submit.map.remove")}
        </Button>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
